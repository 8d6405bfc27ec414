/** Builds the client once before any test needs it (e2e tests serve the built bundle). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  // For quick runs of server-only tests during development.
  if (process.env.SKIP_CLIENT_BUILD === '1') return;
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build: slower,
  // and left in dist/ for `npm start` to serve. Tests run against what users get.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
