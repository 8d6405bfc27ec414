/** The `designroom` command as users run it: a child process of `node bin/designroom.mjs`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RUBRIC_ITEM_IDS, reviewSchema } from '../../core/src/rubric/index';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/designroom.mjs');
const DESIGNS = path.join(ROOT, 'tests/fixtures/designs');
const BAD = path.join(ROOT, 'tests/fixtures/designs/bad');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'designroom-cli-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('designroom review', () => {
  it('prints a readable report: score table, evidence, missing, follow-ups', () => {
    const { code, stdout, stderr } = cli('review', path.join(DESIGNS, 'url-shortener-section-moved.md'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Overall: \d+\/100/);
    for (const title of ['Requirements', 'Estimation', 'API', 'Data model', 'High-level design', 'Scaling', 'Reliability', 'Trade-offs']) {
      expect(stdout).toMatch(new RegExp(`${title}\\s+[█░]{4}\\s+\\d/4`));
    }
    expect(stdout).toContain('Evidence:');
    expect(stdout).toMatch(/\[(node|section|edge):[\w-]+\]/);
    expect(stdout).toContain('Missing:');
    expect(stdout).toContain('Follow-up questions');
  });

  it('--json prints exactly the contract JSON and nothing else', () => {
    const { code, stdout } = cli('review', path.join(DESIGNS, 'rate-limiter-token-bucket.md'), '--json');
    expect(code).toBe(0);
    const review = reviewSchema.parse(JSON.parse(stdout));
    expect(review.prompt).toBe('rate-limiter');
    expect(review.reviewer).toBe('rules');
    expect(review.items.map((i) => i.id)).toEqual([...RUBRIC_ITEM_IDS]);
    expect(Object.keys(review)).toEqual(['prompt', 'reviewer', 'overall', 'items', 'followUps', 'warnings']);
    expect(stdout.trim().startsWith('{') && stdout.trim().endsWith('}')).toBe(true);
  });

  it('gives the same JSON on every run', () => {
    const file = path.join(DESIGNS, 'order-system-saga.md');
    expect(cli('review', file, '--json').stdout).toBe(cli('review', '--json', file).stdout);
  });

  it('--reviewer openai without OPENAI_API_KEY or OPENAI_BASE_URL says what it needs and exits 2', () => {
    const { code, stdout, stderr } = cli('review', path.join(DESIGNS, 'url-shortener-weak.md'), '--reviewer', 'openai');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/openai reviewer needs OPENAI_API_KEY \(or OPENAI_BASE_URL/);
  });

  it.each([
    ['a missing file', ['review', path.join(BAD, 'does-not-exist.md')], /does-not-exist\.md: no such file/],
    ['no front matter', ['review', path.join(BAD, 'no-front-matter.md')], /line 1: .*front matter/],
    ['no prompt in the front matter', ['review', path.join(BAD, 'missing-prompt.md')], /names no prompt/],
    ['an unknown prompt', ['review', path.join(BAD, 'unknown-prompt.md')], /line 2: unknown prompt "space-elevator"/],
    ['a broken Mermaid diagram', ['review', path.join(BAD, 'broken-mermaid.md')], /line 8: the Mermaid diagram could not be read/],
    ['an unknown option', ['review', path.join(DESIGNS, 'url-shortener-weak.md'), '--yaml'], /unknown option "--yaml"/],
    ['an unknown command', ['critique'], /unknown command "critique"/],
  ])('refuses %s with one line on stderr and a non-zero exit', (_name, args, message) => {
    const { code, stdout, stderr } = cli(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file above the size limit', () => {
    const big = path.join(tmp, 'big.md');
    writeFileSync(big, `---\nprompt: url-shortener\n---\n\n## Notes\n${'word '.repeat(600_000)}\n`);
    const { code, stderr } = cli('review', big);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TOO_LARGE|limit|large/i);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('designroom eval', () => {
  it('scores every design against labels.json: per design, MAE, within one, ranking per prompt', () => {
    const { code, stdout, stderr } = cli('eval', DESIGNS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/url-shortener-strong\s+4\/4/);
    const mae = Number(/mean absolute error: ([\d.]+)/.exec(stdout)?.[1]);
    const within = Number(/within one point:\s+([\d.]+)%/.exec(stdout)?.[1]);
    expect(mae).toBeLessThanOrEqual(0.6);
    expect(within).toBeGreaterThanOrEqual(90);
    expect(stdout).toMatch(/ranking url-shortener: ok \(reviewer: url-shortener-strong > /);
    expect(stdout).toMatch(/url-shortener-buzzwords\)/);
  });

  it('exits non-zero when a design in the directory fails to parse', () => {
    const dir = mkdtempSync(path.join(tmp, 'eval-'));
    writeFileSync(path.join(dir, 'labels.json'), JSON.stringify({ good: [1, 0, 1, 0, 1, 0, 0, 0], bad: [0, 0, 0, 0, 0, 0, 0, 0] }));
    writeFileSync(path.join(dir, 'good.md'), '---\nprompt: url-shortener\n---\n\n## Requirements\nShorten a long URL and redirect visitors to it.\n');
    writeFileSync(path.join(dir, 'bad.md'), '## Requirements\nno front matter\n');
    const { code, stdout, stderr } = cli('eval', dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^good\s/m);
    expect(stderr).toMatch(/bad\.md: line 1: .*front matter/);
  });
});

describe('designroom help', () => {
  it('lists the commands', () => {
    const { code, stdout } = cli('help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/designroom review FILE\.md \[--json\] \[--reviewer rules\|openai\]/);
    expect(stdout).toMatch(/designroom eval DIR/);
  });
});
