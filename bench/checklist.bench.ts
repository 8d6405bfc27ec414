/**
 * The live checklist's cost: one run is what the reviewer in the room does after a burst of
 * changes (read the room's Y.Doc, run the rules reviewer with the prompt and the candidate's
 * answers, cut the checklist). Boards of 10, 100 and 300 nodes; median and p95 in ms.
 * The last column is what the event loop keeps of a run now that the review runs on the rules
 * thread (decision 020): reading the board, copying it out and the review back in (timed as a
 * full structured clone each way, so an upper bound: a message pays half of each on either
 * side), and cutting and comparing the checklist.
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

/** Sorted times of `runs` calls (ms), after five to warm up. */
function timings(work: () => unknown, runs: number): number[] {
  for (let i = 0; i < 5; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const ms = (sorted: readonly number[], p: number): string => percentile(sorted, p).toFixed(2).padStart(6);

export async function runChecklistBench(): Promise<string> {
  const reviewers = createReviewers({ prompts: await loadPrompts(DEFAULT_PROMPTS_DIR), rubrics: await loadRubrics(DEFAULT_RUBRICS_DIR) });
  const lines = ['live checklist: one run from the room doc (ms)', 'nodes   runs   median   p95      loop\'s part with the rules thread: median   p95'];
  for (const [size, runs] of [
    [10, 200],
    [100, 200],
    [300, 60],
  ] as const) {
    const doc = new Y.Doc();
    replaceBoard(doc, generateBoard(size), null);
    const input = () => ({ board: readBoard(doc), promptId: 'url-shortener', answers: ANSWERS });
    const once = () => checklistOf(reviewers.rules(input()), Date.now());
    const review = reviewers.rules(input());
    const loopPart = () => {
      structuredClone(input());
      const checklist = checklistOf(structuredClone(review), Date.now());
      return JSON.stringify([checklist.items, checklist.overall]);
    };
    const whole = timings(once, runs);
    const kept = timings(loopPart, runs);
    lines.push(
      `${String(size).padEnd(7)} ${String(runs).padEnd(6)} ${ms(whole, 50)}   ${ms(whole, 95)}      ${' '.repeat(34)}${ms(kept, 50)}   ${ms(kept, 95)}`,
    );
    doc.destroy();
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runChecklistBench());
}
