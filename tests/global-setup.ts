/** Builds the client once before any test needs it (e2e tests serve the built bundle). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (process.env.SKIP_CLIENT_BUILD === '1' && existsSync('dist/client/index.html')) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
