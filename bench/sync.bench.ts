/**
 * Sync figures through a real server on this machine: the time from sending an edit to its
 * acknowledgement (stored in SQLite), the time until another client sees it, and the time
 * to open a room whose log holds many updates. Prints figures; never passes or fails.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { patchNode, putNode, readBoard } from '../core/src';
import { connectClient, createSession } from '../tests/support/board-client';
import { startServer } from '../tests/support/server';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

export async function runSyncBench(): Promise<string> {
  const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  const lines: string[] = [];
  try {
    const session = await createSession(server.url);
    const writer = connectClient(server.url, session.id, session.tokens.candidate);
    const reader = connectClient(server.url, session.id, session.tokens.interviewer);
    await Promise.all([writer, reader].map((c) => c.until((s) => s.status === 'saved', 'synced')));
    writer.doc.transact(() => putNode(writer.doc, { id: 'moving', kind: 'service', label: 'm', x: 0, y: 0, notes: '', props: {} }));
    await writer.until((s) => s.status === 'saved', 'saved');

    // One edit at a time, as a drag end or a rename: acknowledgement and remote arrival.
    const acks: number[] = [];
    const arrivals: number[] = [];
    for (let i = 1; i <= 300; i++) {
      const start = performance.now();
      const seen = new Promise<void>((resolve) => {
        const check = () => {
          if (readBoard(reader.doc).nodes[0]?.x === i) {
            reader.doc.off('update', check);
            resolve();
          }
        };
        reader.doc.on('update', check);
      });
      writer.doc.transact(() => patchNode(writer.doc, 'moving', { x: i }));
      await writer.until((s) => s.status === 'saved', 'ack');
      acks.push(performance.now() - start);
      await seen;
      arrivals.push(performance.now() - start);
      // Stay under the per-socket rate limit (60 messages a second).
      await new Promise((r) => setTimeout(r, 17));
    }
    lines.push(`edit → acknowledged (stored): median ${fmt(percentile(acks, 50))}, p95 ${fmt(percentile(acks, 95))} over ${acks.length} edits`);
    lines.push(`edit → visible at another client: median ${fmt(percentile(arrivals, 50))}, p95 ${fmt(percentile(arrivals, 95))}`);
    writer.close();
    reader.close();

    // A room whose log holds 5,000 single-edit updates: how long a late joiner waits.
    const big = await createSession(server.url);
    const author = connectClient(server.url, big.id, big.tokens.candidate);
    await author.until((s) => s.status === 'saved', 'synced');
    const nodes = 5000;
    const t0 = performance.now();
    for (let i = 0; i < nodes; i += 50) {
      author.doc.transact(() => {
        for (let j = i; j < i + 50; j++) putNode(author.doc, { id: `n${j}`, kind: 'cache', label: `node ${j}`, x: j, y: j, notes: '', props: {} });
      });
      await author.until((s) => s.status === 'saved', 'saved');
    }
    lines.push(`5,000 nodes written in batches of 50: ${fmt(performance.now() - t0)}`);
    author.close();
    const t1 = performance.now();
    const late = connectClient(server.url, big.id, big.tokens.observer);
    await late.until((s) => s.status === 'saved', 'late joiner');
    lines.push(`late joiner receives a 5,000-node board: ${fmt(performance.now() - t1)} (${readBoard(late.doc).nodes.length} nodes)`);
    late.close();
  } finally {
    await server.stop();
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runSyncBench());
}
