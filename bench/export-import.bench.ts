/**
 * Export and import timing on a 300-node board: the HTML export (SVG diagram, sections
 * through markdown-it, one review), the Markdown and JSON exports, and importing a 300-node
 * Excalidraw drawing and the exported Markdown. Prints median and p95 in milliseconds.
 * Figures, never a pass/fail. Run directly with `npx tsx bench/export-import.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { exportHtml, exportJson, exportMarkdown, type ExportData } from '../core/src/export';
import { importDesign } from '../core/src/import';
import { reviewBoard } from '../core/src/reviewer/index';
import { loadRubrics } from '../server/src/data/rubrics';
import { generateBoard } from './review.bench';

const NODES = 300;

function timed(runs: number, task: () => unknown): { median: number; p95: number } {
  task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] ?? 0 };
}

/** A drawing as Excalidraw saves it: each node a rectangle with bound text, each edge an arrow bound at both ends with a label. */
function excalidrawDrawing(nodeCount: number): string {
  const board = generateBoard(nodeCount);
  const elements: unknown[] = [];
  board.nodes.forEach((n, i) => {
    const x = (i % 20) * 220;
    const y = Math.floor(i / 20) * 140;
    elements.push({ id: `r${n.id}`, type: 'rectangle', x, y, width: 160, height: 70, boundElements: [{ id: `t${n.id}`, type: 'text' }] });
    elements.push({ id: `t${n.id}`, type: 'text', x: x + 10, y: y + 25, width: 140, height: 25, text: n.label, originalText: n.label, containerId: `r${n.id}` });
  });
  for (const e of board.edges) {
    elements.push({ id: `a${e.id}`, type: 'arrow', x: 0, y: 0, width: 10, height: 10, startBinding: { elementId: `r${e.source}` }, endBinding: { elementId: `r${e.target}` } });
    if (e.label) elements.push({ id: `l${e.id}`, type: 'text', x: 0, y: 0, width: 30, height: 20, text: e.label, containerId: `a${e.id}` });
  }
  return JSON.stringify({ type: 'excalidraw', version: 2, source: 'bench', elements });
}

export async function runExportImportBench(): Promise<string> {
  const rubrics = await loadRubrics();
  const board = generateBoard(NODES);
  const review = reviewBoard(board, { id: 'url-shortener' }, rubrics);
  const now = Date.now();
  const data: ExportData = {
    exportedAt: now,
    session: { id: 'bench', prompt: 'url-shortener', mode: 'live', createdAt: now - 3_600_000, closedAt: now },
    board,
    reviews: [{ id: 1, createdAt: now, review }],
    questions: [],
    comments: [],
    interview: null,
    private: null,
  };
  const drawing = excalidrawDrawing(NODES);
  const markdown = exportMarkdown(data);
  const rows: [string, { median: number; p95: number }, string][] = [
    ['export html', timed(30, () => exportHtml(data)), `${(exportHtml(data).length / 1024).toFixed(0)} KB`],
    ['export md', timed(30, () => exportMarkdown(data)), `${(markdown.length / 1024).toFixed(0)} KB`],
    ['export json', timed(30, () => exportJson(data)), `${(exportJson(data).length / 1024).toFixed(0)} KB`],
    ['import excalidraw', timed(30, () => importDesign(drawing, { format: 'excalidraw' })), `${(drawing.length / 1024).toFixed(0)} KB in`],
    ['import md (the export)', timed(30, () => importDesign(markdown, { format: 'designdoc' })), `${(markdown.length / 1024).toFixed(0)} KB in`],
  ];
  const lines = [`${NODES} nodes, ${board.edges.length} edges, 30 runs each`, '| what | median ms | p95 ms | size |', '|---|---:|---:|---:|'];
  for (const [what, t, size] of rows) lines.push(`| ${what} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${size} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runExportImportBench());
}
