/**
 * What the board page does on an import and a paste, timed in Node on a real Y.Doc: parsing a
 * 300-shape Excalidraw drawing, applying it (replace into an empty board, merge into a 300-node
 * board) as the one transaction the client makes, undoing it, and validating clipboard payloads.
 * Prints the median and max of 7 runs after a warm-up, in milliseconds; figures, never a pass/fail.
 * Run directly with `npx tsx bench/import-apply.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { edgesMap, nodesMap, replaceBoard, SECTION_IDS, sectionText, type Board } from '../core/src';
import { importDesign } from '../core/src/import';
import { applyImport } from '../client/src/import/apply-import';
import { checkClipboardText, PAYLOAD_TYPE } from '../client/src/store/clipboard-check';
import { LOCAL_ORIGIN } from '../client/src/sync/origins';

const RUNS = 7;
const WORDS = ['API service', 'Redis cache', 'Orders DB', 'Kafka topic', 'Worker pool', 'Load balancer', 'S3 bucket', 'Browser'];

/** `count` labelled rectangles in rows of 20, each arrowed to the next. */
export function excalidrawDrawing(count: number): string {
  const elements: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const x = (i % 20) * 220;
    const y = Math.floor(i / 20) * 160;
    elements.push({ id: `r${i}`, type: 'rectangle', x, y, width: 160, height: 60, boundElements: [{ id: `t${i}`, type: 'text' }] });
    elements.push({ id: `t${i}`, type: 'text', x: x + 10, y: y + 20, width: 140, height: 20, text: `${WORDS[i % WORDS.length]} ${i}`, containerId: `r${i}` });
    if (i > 0) elements.push({ id: `a${i}`, type: 'arrow', x, y, width: 60, height: 0, startBinding: { elementId: `r${i - 1}` }, endBinding: { elementId: `r${i}` } });
  }
  return JSON.stringify({ type: 'excalidraw', version: 2, elements, files: {} });
}

function time(run: () => void): { median: number; max: number } {
  // One warm-up run, so the figures are of compiled code, not of the first call's JIT.
  run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(RUNS / 2)]!, max: samples.at(-1)! };
}

const fmt = ({ median, max }: { median: number; max: number }) => `${median.toFixed(1)} ms median, ${max.toFixed(1)} ms max`;

function undoScope(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([nodesMap(doc), edgesMap(doc), ...SECTION_IDS.map((id) => sectionText(doc, id))] as Y.AbstractType<unknown>[], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
  });
}

export async function runImportApplyBench(): Promise<string> {
  const text = excalidrawDrawing(300);
  let board: Board = importDesign(text).board;
  const parse = time(() => {
    board = importDesign(text, { filename: 'bench.excalidraw' }).board;
  });
  const replace = time(() => applyImport(new Y.Doc(), board, 'replace'));
  const merge = time(() => {
    const doc = new Y.Doc();
    replaceBoard(doc, board, 'seed');
    applyImport(doc, board, 'merge');
  });
  const undoSamples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const doc = new Y.Doc();
    const manager = undoScope(doc);
    applyImport(doc, board, 'replace');
    const start = performance.now();
    manager.undo();
    if (i > 0) undoSamples.push(performance.now() - start);
    if (nodesMap(doc).size !== 0) throw new Error('one undo did not remove the import');
  }
  undoSamples.sort((a, b) => a - b);
  const payload = (n: number) =>
    JSON.stringify({
      type: PAYLOAD_TYPE,
      nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'service', label: `Service ${i}`, x: i, y: i, notes: '', props: {} })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })),
    });
  const p300 = payload(300);
  const p2000 = payload(2000);
  return [
    `- parse a 300-shape Excalidraw drawing (${board.nodes.length} nodes, ${board.edges.length} edges, ${(text.length / 1024).toFixed(0)} KB): ${fmt(parse)}`,
    `- apply it, replace into an empty board (one transaction): ${fmt(replace)}`,
    `- apply it, merge into a 300-node board (includes seeding that board): ${fmt(merge)}`,
    `- one undo of the replace: ${undoSamples[Math.floor(RUNS / 2)]!.toFixed(1)} ms median, ${undoSamples.at(-1)!.toFixed(1)} ms max`,
    `- validate a 300-node clipboard payload: ${fmt(time(() => checkClipboardText(p300)))}`,
    `- validate a 2,000-node clipboard payload (the board limit): ${fmt(time(() => checkClipboardText(p2000)))}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runImportApplyBench());
}
