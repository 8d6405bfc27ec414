/** `designroom simulate` as users run it: a child process of `node bin/designroom.mjs`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { simulationResultSchema } from '../../core/src/traffic/index';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/designroom.mjs');
const STRONG = path.join(ROOT, 'tests/fixtures/designs/url-shortener-strong.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'designroom-simulate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('designroom simulate', () => {
  it('--json prints exactly the contract, at the multiple asked for', () => {
    const { code, stdout, stderr } = cli('simulate', STRONG, '--traffic', '10', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = simulationResultSchema.parse(JSON.parse(stdout));
    expect(Object.keys(JSON.parse(stdout))).toEqual(['traffic', 'baseline', 'nodes', 'bottlenecks', 'firstBottleneck', 'paths', 'warnings']);
    expect(result.traffic).toBe(10);
    expect(result.baseline).toMatchObject({ readsPerSecond: 60_000, writesPerSecond: 5800 });
    expect(result.firstBottleneck?.id).toBe('db');
    expect(result.bottlenecks).toContain('db');
    // The same answer as --traffic=10, and on every run.
    expect(cli('simulate', `--traffic=10`, STRONG, '--json').stdout).toBe(stdout);
  });

  it('prints a readable table, the first bottleneck and the path latencies against the target', () => {
    const { code, stdout } = cli('simulate', STRONG);
    expect(code).toBe(0);
    expect(stdout).toContain('Traffic model of');
    expect(stdout).toMatch(/Baseline: 60k reads\/s, 5\.8k writes\/s — Estimation section/);
    expect(stdout).toMatch(/Cassandra \(db\)\s+database\s+\S+\s+\S+\s+\d+ %/);
    expect(stdout).toMatch(/First to saturate: "Cassandra" \(db\) at 2\.\d+× the baseline/);
    expect(stdout).toMatch(/Latency: read path [\d.]+ ms, write path [\d.]+ ms \(target 50 ms\)/);
  });

  it('needs no prompt in the front matter, and says when the design has no estimate', () => {
    const file = path.join(tmp, 'sketch.md');
    writeFileSync(file, '## Diagram\n```mermaid\nflowchart LR\n  u([User]) --> app[App server] --> db[(MySQL)]\n```\n');
    const { code, stdout } = cli('simulate', file, '--json');
    expect(code).toBe(0);
    const result = simulationResultSchema.parse(JSON.parse(stdout));
    expect(result.baseline.source).toBe('default (no estimate on the board)');
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 8.333 });
  });

  it('refuses bad usage with one line and exit status 2', () => {
    expect(cli('simulate', STRONG, '--traffic', 'lots')).toMatchObject({ code: 2, stdout: '', stderr: 'designroom: --traffic must be a number from 0.01 to 10000, e.g. --traffic 10\n' });
    expect(cli('simulate', STRONG, '--fast')).toMatchObject({ code: 2, stderr: 'designroom: unknown option "--fast" (see designroom help)\n' });
  });

  it('refuses a missing file with one line and exit status 1', () => {
    const missing = cli('simulate', path.join(tmp, 'nope.md'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.md: no such file/);
  });
});
