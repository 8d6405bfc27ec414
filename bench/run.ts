/** `npm run bench`: every benchmark in turn, printing figures with the machine they ran on. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { runChecklistBench } from './checklist.bench';
import { runClientBench } from './client.bench';
import { runReviewBench } from './review.bench';
import { runSyncBench } from './sync.bench';

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`Date: ${new Date().toISOString()}\n`);

const benches: [string, () => Promise<string>][] = [
  ['Rules reviewer', runReviewBench],
  ['Live checklist (reviewer in the room)', runChecklistBench],
  ['Live sync (real server, SQLite)', runSyncBench],
  ['Board page in headless Chromium', runClientBench],
];
// Always a fresh production build: dist/ may hold a build of other sources or another NODE_ENV.
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const [name, run] of benches) {
  console.log(`## ${name}`);
  console.log(await run());
  console.log('');
}
