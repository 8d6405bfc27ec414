/**
 * Rules-reviewer timing: boards of 10, 100 and 1,000 nodes with written sections, reviewed
 * repeatedly; prints the median and p95 time per review in milliseconds. Figures, never a
 * pass/fail. Run directly with `npx tsx bench/review.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { NodeKind } from '../core/src/board/kinds';
import type { Board, BoardEdge, BoardNode } from '../core/src/board/schema';
import { reviewBoard } from '../core/src/reviewer/index';
import { DEFAULT_RUBRICS_DIR, loadRubrics } from '../server/src/data/rubrics';

const TIERS: Array<[NodeKind, string]> = [
  ['client', 'Mobile client'],
  ['load-balancer', 'Load balancer'],
  ['service', 'API service'],
  ['cache', 'Redis cache'],
  ['database', 'Postgres shard'],
  ['queue', 'Kafka topic'],
  ['worker', 'Worker pool'],
  ['object-storage', 'S3 bucket'],
];

const SECTIONS: Board['sections'] = {
  requirements: '- Create and redirect short links.\n- Non-functional: p99 under 50 ms, 99.99% available, 10 reads per write.\n- Out of scope: accounts.',
  estimation: '- 100M links a day ≈ 1,160 writes/s; 11,600 redirects/s, 60k/s at peak.\n- 365B links × 500 bytes ≈ 180 TB, so we shard.',
  api: '- `POST /v1/links {url}` with an Idempotency-Key → `201 {code}`; `409` when taken.\n- `GET /{code}` → `302`; `404` unknown.',
  'data-model': '`links(code PK, url, owner_id, created_at)` in Cassandra because every read is a lookup by code; index on owner_id.',
  scaling: 'Services are stateless and scale out; data is partitioned by code; a viral link is served from an in-process cache.',
  reliability: 'Replication factor 3; retries with exponential backoff; we alert on p99 and error rate.',
  'trade-offs': '- 302 over 301 because a cached 301 hides clicks.\n- Cassandra instead of Postgres because we only need point lookups.',
};

/** A layered board: clients → balancers → services → caches/stores/queues → workers, with notes. */
export function generateBoard(nodeCount: number): Board {
  const nodes: BoardNode[] = [];
  const edges: BoardEdge[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const [kind, label] = TIERS[i % TIERS.length] as [NodeKind, string];
    nodes.push({ id: `n${i}`, kind, label: `${label} ${i}`, x: i * 10, y: (i % 8) * 50, notes: i % 5 === 0 ? 'Replicated across three zones; retried with backoff.' : '', props: {} });
  }
  for (let i = 0; i < nodeCount; i++) {
    const tier = i % TIERS.length;
    const next = i + 1;
    if (next < nodeCount && tier < TIERS.length - 1) edges.push({ id: `e${i}`, source: `n${i}`, target: `n${next}`, label: i % 3 === 0 ? 'reads' : '', mode: tier === 4 ? 'async' : 'sync' });
    if (i + TIERS.length < nodeCount) edges.push({ id: `x${i}`, source: `n${i}`, target: `n${i + TIERS.length}`, label: '', mode: 'sync' });
  }
  return { meta: { prompt: 'url-shortener' }, nodes, edges, sections: SECTIONS, comments: [] };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export async function runReviewBench(): Promise<string> {
  const rubrics = await loadRubrics(DEFAULT_RUBRICS_DIR);
  const lines = ['rules reviewer: time per review (ms)', 'nodes   runs   median   p95'];
  for (const [size, runs] of [
    [10, 300],
    [100, 200],
    [1000, 40],
  ] as const) {
    const board = generateBoard(size);
    for (let i = 0; i < 5; i++) reviewBoard(board, { id: 'url-shortener' }, rubrics);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      reviewBoard(board, { id: 'url-shortener' }, rubrics);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(`${String(size).padEnd(7)} ${String(runs).padEnd(6)} ${percentile(times, 50).toFixed(2).padStart(6)}   ${percentile(times, 95).toFixed(2).padStart(6)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runReviewBench());
}
