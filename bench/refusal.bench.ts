/**
 * The client's costs of telling the truth: what the sync client adds to every local edit
 * (naming the board entries a transaction touched), splitting a large offline change into
 * message-sized parts, and a rebuild after a refusal on a large board. Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { patchNode, putNode, sectionText, WIRE_LIMITS } from '../core/src';
import { describeUndone, holdsMoreThan, rebuildDoc, touchedEntries } from '../client/src/sync/rebuild';
import { splitUpdate } from '../client/src/sync/split';

const node = (id: string) => ({ id, kind: 'service' as const, label: id, x: 0, y: 0, notes: '', props: {} });

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export async function runRefusalBench(): Promise<string> {
  const lines: string[] = [];
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < 5000; i++) putNode(doc, node(`n${i}`));
  });

  // Typing and moving: 20,000 small transactions with and without the per-edit bookkeeping.
  let named = 0;
  const edits = (withTouched: boolean) => {
    const listener = (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
      if (withTouched) named += touchedEntries(tr).size;
    };
    doc.on('update', listener);
    const [, ms] = time(() => {
      for (let i = 0; i < 10_000; i++) {
        doc.transact(() => patchNode(doc, `n${i % 5000}`, { x: i }));
        doc.transact(() => sectionText(doc, 'api').insert(0, 'a'));
      }
    });
    doc.off('update', listener);
    return ms;
  };
  // Alternating runs, median of each: the machine is shared, so single runs are noisy.
  const bareRuns: number[] = [];
  const touchedRuns: number[] = [];
  edits(true);
  for (let run = 0; run < 5; run++) {
    bareRuns.push(edits(false));
    touchedRuns.push(edits(true));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bare = median(bareRuns);
  const touched = median(touchedRuns);
  lines.push(
    `20,000 local edits on a 5,000-node board (median of 5): ${bare.toFixed(0)} ms bare, ${touched.toFixed(0)} ms naming the entries touched ` +
      `(+${(((touched - bare) / 20_000) * 1000).toFixed(1)} µs an edit; ${named} entries named in all)`,
  );

  const offline = new Y.Doc();
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
  const serverVector = Y.encodeStateVector(offline);
  sectionText(offline, 'notes').insert(0, 'offline work '.repeat(200_000));
  for (let i = 0; i < 500; i++) putNode(offline, node(`offline${i}`));
  const step2 = Y.encodeStateAsUpdate(offline, serverVector);
  const [parts, splitMs] = time(() => splitUpdate(step2, WIRE_LIMITS.maxMessageBytes - 16));
  lines.push(`split an offline change of ${(step2.byteLength / 2 ** 20).toFixed(1)} MiB: ${parts.length} parts in ${splitMs.toFixed(0)} ms`);

  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  const serverState = Y.encodeStateAsUpdate(server);
  const local = new Y.Doc();
  Y.applyUpdate(local, serverState);
  local.transact(() => putNode(local, node('refused')));
  local.transact(() => putNode(local, node('carried')));
  const same = new Y.Doc();
  Y.applyUpdate(same, serverState);
  const [, sameMs] = time(() => holdsMoreThan(same, server));
  lines.push(`check that a read-only client holds nothing more than a 5,000-node server board: ${sameMs.toFixed(1)} ms`);
  const [, compareMs] = time(() => holdsMoreThan(local, server));
  const [next, rebuildMs] = time(() => rebuildDoc(local, serverState, new Set(['nodes/carried'])));
  const [, describeMs] = time(() => describeUndone(local, next));
  lines.push(`rebuild after a refusal on a 5,000-node board: compare ${compareMs.toFixed(0)} ms, rebuild ${rebuildMs.toFixed(0)} ms, describe ${describeMs.toFixed(0)} ms`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runRefusalBench());
}
