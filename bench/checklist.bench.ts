/**
 * The live checklist's cost: one run is what the reviewer in the room does after a burst of
 * changes (read the room's Y.Doc, run the rules reviewer with the prompt and the candidate's
 * answers, cut the checklist). Boards of 10, 100 and 300 nodes; median and p95 in ms.
 * Run directly with `npx tsx bench/checklist.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { readBoard, replaceBoard } from '../core/src';
import { checklistOf } from '../core/src/reviewer/index';
import { DEFAULT_PROMPTS_DIR, loadPrompts } from '../server/src/data/prompts';
import { DEFAULT_RUBRICS_DIR, loadRubrics } from '../server/src/data/rubrics';
import { createReviewers } from '../server/src/reviewers/registry';
import { generateBoard } from './review.bench';

const ANSWERS = [
  { id: 'a1', item: 'scaling' as const, question: 'One link goes viral and gets 100 times the normal traffic for that code. What breaks?', text: 'The cache shard that owns the code gets hot; a small LRU in each redirect server and a CDN with a short max-age spread the load.' },
  { id: 'a2', item: 'estimation' as const, question: 'How much storage?', text: "I don't know." },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export async function runChecklistBench(): Promise<string> {
  const reviewers = createReviewers({ prompts: await loadPrompts(DEFAULT_PROMPTS_DIR), rubrics: await loadRubrics(DEFAULT_RUBRICS_DIR) });
  const lines = ['live checklist: one run from the room doc (ms)', 'nodes   runs   median   p95'];
  for (const [size, runs] of [
    [10, 200],
    [100, 200],
    [300, 60],
  ] as const) {
    const doc = new Y.Doc();
    replaceBoard(doc, generateBoard(size), null);
    const once = () => checklistOf(reviewers.rules({ board: readBoard(doc), promptId: 'url-shortener', answers: ANSWERS }), Date.now());
    for (let i = 0; i < 5; i++) once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      once();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(`${String(size).padEnd(7)} ${String(runs).padEnd(6)} ${percentile(times, 50).toFixed(2).padStart(6)}   ${percentile(times, 95).toFixed(2).padStart(6)}`);
    doc.destroy();
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runChecklistBench());
}
