// `npm start`: build the client if it is missing or older than its sources, then run the
// server in this process (so signals such as SIGTERM reach it directly).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const builtIndex = path.join(root, 'dist/client/index.html');
const sources = Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'core')));
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sources) {
  console.log('Building the client (first start or sources changed)...');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    // A NODE_ENV left over in the shell (test, development) would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const { register } = await import('tsx/esm/api');
register();
await import('../server/src/index.ts');
