// `npm test`'s first step: lint and typecheck at once. Each is one process on one core, and CI
// has two; run one after the other they took about 53 s of its 15 minutes. Each one's output
// is printed whole when it ends, so the two never interleave; any failure fails the step.
import { spawn } from 'node:child_process';

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(`--- npm run ${script}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
      resolve(code === 0);
    });
  });

const results = await Promise.all([run('lint'), run('typecheck')]);
process.exit(results.every(Boolean) ? 0 : 1);
