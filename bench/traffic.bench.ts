/**
 * Traffic-model timing on the layered boards of the reviewer bench (300 and 1,000 nodes): a
 * whole simulation (prepare the board, run the flow, find the first bottleneck, as the HTTP API
 * and the CLI do) and one slider move on a prepared board (what the traffic view does per
 * change). Prints median and p95 milliseconds; figures, never a pass/fail. Run directly with
 * `npx tsx bench/traffic.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyseTraffic, prepareTraffic, simulate } from '../core/src/traffic/index';
import { DEFAULT_RUBRICS_DIR, loadRubrics } from '../server/src/data/rubrics';
import { generateBoard } from './review.bench';

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function time(runs: number, fn: (i: number) => void): { median: number; p95: number } {
  for (let i = 0; i < 10; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export async function runTrafficBench(): Promise<string> {
  const rubrics = await loadRubrics(DEFAULT_RUBRICS_DIR);
  const defaults = rubrics.capacity;
  if (!defaults) throw new Error('no capacity defaults');
  const lines = ['traffic model: time per run (ms)', 'nodes   edges   what                          runs   median   p95'];
  for (const size of [300, 1000]) {
    const board = generateBoard(size);
    const whole = time(200, (i) => simulate(board, defaults, { traffic: 1 + (i % 100) }));
    const prepared = prepareTraffic(board, defaults);
    const slider = time(500, (i) => analyseTraffic(prepared, 1 + (i % 100)));
    for (const [what, t, runs] of [
      ['simulate (prepare + run)', whole, 200],
      ['slider move (prepared board)', slider, 500],
    ] as const) {
      lines.push(`${String(size).padEnd(7)} ${String(board.edges.length).padEnd(7)} ${what.padEnd(29)} ${String(runs).padEnd(6)} ${t.median.toFixed(3).padStart(6)}   ${t.p95.toFixed(3).padStart(6)}`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runTrafficBench());
}
