/** `npm run bench`: every benchmark in turn, printing figures with the machine they ran on. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { runChecklistBench } from './checklist.bench';
import { runClientBench } from './client.bench';
import { runCommitBench } from './commit.bench';
import { runExportImportBench } from './export-import.bench';
import { runImportApplyBench } from './import-apply.bench';
import { runRefusalBench } from './refusal.bench';
import { runReviewBench } from './review.bench';
import { runSyncBench } from './sync.bench';
import { runSyncLoadBench } from './sync-load.bench';
import { runTrafficBench } from './traffic.bench';

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`Date: ${new Date().toISOString()}\n`);

// `npm run bench -- sync [options]`: only the sync load benchmark (see bench/sync-load.bench.ts).
if (process.argv[2] === 'sync') {
  console.log(await runSyncLoadBench(process.argv.slice(3)));
  process.exit(0);
}
// `npm run bench -- commit`: only the commit pipeline benchmark (see bench/commit.bench.ts).
if (process.argv[2] === 'commit') {
  console.log(await runCommitBench());
  process.exit(0);
}

const benches: [string, () => Promise<string>][] = [
  ['Rules reviewer', runReviewBench],
  ['Live checklist (reviewer in the room)', runChecklistBench],
  ['Export and import (300 nodes)', runExportImportBench],
  ['Traffic model', runTrafficBench],
  ['Live sync (real server, SQLite)', runSyncBench],
  ['Commit pipeline (room without a transport, SQLite)', runCommitBench],
  ['Refused edits and large changes (client)', runRefusalBench],
  ['Board page in headless Chromium', runClientBench],
  ['Import and paste on the board page (Node, real Y.Doc)', runImportApplyBench],
];
// Always a fresh production build: dist/ may hold a build of other sources or another NODE_ENV.
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const [name, run] of benches) {
  console.log(`## ${name}`);
  console.log(await run());
  console.log('');
}
