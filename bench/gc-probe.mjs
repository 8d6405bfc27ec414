// Loaded into the bench's server and relay processes (`node --import ./bench/gc-probe.mjs`):
// records every garbage-collection pause of the main thread, and writes them to
// $BENCH_GC_PROBE_DIR/<pid>.json on SIGUSR2, so the bench can count the pauses inside its
// measured window. Plain JavaScript: it loads before the TypeScript loader does.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const dir = process.env.BENCH_GC_PROBE_DIR;
if (dir) {
  /** [epoch ms at the start, duration ms, V8 kind: 1 scavenge, 2 minor mark-sweep, 4 mark-compact, 8 incremental, 16 weak callbacks] */
  const pauses = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([performance.timeOrigin + entry.startTime, entry.duration, entry.detail?.kind ?? 0]);
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(pauses)));
}
