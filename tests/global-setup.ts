/** Builds the client once before any test needs it (e2e tests serve the built bundle). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  sayWhatIsSkipped();
  // For quick runs of server-only tests during development.
  if (process.env.SKIP_CLIENT_BUILD === '1') return;
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build: slower,
  // and left in dist/ for `npm start` to serve. Tests run against what users get.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Tests that need PostgreSQL or Redis run only where a server is named; say so, and how to run them. */
function sayWhatIsSkipped(): void {
  const missing = [
    ['TEST_DATABASE_URL', 'PostgreSQL (the storage contract, shares and sync on PostgreSQL)'],
    ['TEST_REDIS_URL', 'Redis (two server nodes)'],
  ].filter(([name]) => !process.env[name!]);
  if (missing.length === 0) return;
  const what = missing.map(([name, tests]) => `${tests}: ${name} is not set`).join('; ');
  console.log(`\nSkipping the tests that need ${what}.\nRun every test, with both servers started for you: bash .ci/run\n`);
}
