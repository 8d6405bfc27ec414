/** `designroom import` and `designroom review --format`, run as users run them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesignDoc } from '../../core/src/designdoc';
import { designExportSchema } from '../../core/src/export';
import { importDesign } from '../../core/src/import';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/designroom.mjs');
const DRAWING = path.join(ROOT, 'tests/fixtures/import/hand-drawn.excalidraw');
const DESIGN = path.join(ROOT, 'tests/fixtures/designs/url-shortener-strong.md');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'designroom-cli-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('designroom import', () => {
  it('converts an Excalidraw drawing to a design doc on stdout and lists what it left out on stderr', () => {
    const { code, stdout, stderr } = cli('import', DRAWING);
    expect(code).toBe(0);
    const board = parseDesignDoc(stdout).board;
    expect(board.nodes.map((n) => n.label).sort()).toEqual(['Backend', 'Browser', 'Load balancer', 'Orders DB', 'Redis cache', 'Remember: shard by user id']);
    expect(board.edges).toHaveLength(3);
    expect(stderr.split('\n').filter((l) => l.startsWith('not imported: '))).toHaveLength(6);
  });

  it('converts a Mermaid file, naming skipped lines', () => {
    const mmd = file('flow.mmd', 'flowchart TD\n  a[API] --> b[(Postgres)]\n  click a cb\n');
    const { code, stdout, stderr } = cli('import', mmd);
    expect(code).toBe(0);
    expect(parseDesignDoc(stdout).board.nodes.map((n) => n.kind)).toEqual(['service', 'database']);
    expect(stderr).toMatch(/^warning: .*flow\.mmd: line 3: /m);
  });

  it('fails with the problem, the line where there is one, and a non-zero status, writing nothing to stdout', () => {
    const cases: [string[], number, RegExp][] = [
      [['import', file('broken.excalidraw', '{"type":"excalidraw","elements":[')], 1, /broken\.excalidraw: the file is not valid JSON.*\[BAD_EXCALIDRAW\]/],
      [['import', file('seq.mmd', 'sequenceDiagram\n  A->>B: hi\n')], 1, /seq\.mmd: line 1: the text is not a Mermaid flowchart.*\[NO_DIAGRAM\]/],
      [['import', file('front.md', '---\nprompt: [\n---\n## API\n')], 1, /front\.md: line \d+: .*\[BAD_FRONT_MATTER\]/],
      [['import', file('words.txt', 'just words')], 1, /cannot tell the format.*\[UNKNOWN_FORMAT\]/],
      [['import', file('binary.md', Buffer.from([0x23, 0xff, 0xfe, 0x00]))], 1, /not UTF-8 text/],
      [['import', path.join(tmp, 'missing.md')], 1, /missing\.md: no such file/],
      [['import', DRAWING, '--format', 'visio'], 2, /--format needs designdoc, mermaid, excalidraw, not "visio"/],
      [['import', DRAWING, '--bogus'], 2, /unknown option "--bogus"/],
      [['import'], 2, /exactly one FILE/],
    ];
    for (const [args, status, message] of cases) {
      const { code, stdout, stderr } = cli(...args);
      expect(code, args.join(' ')).toBe(status);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
    // Each case starts a process; on a loaded two-core machine that takes seconds.
  }, 240_000);
});

describe('designroom review --format', () => {
  it('md: the design doc followed by the review, importing back as the same board', () => {
    const { code, stdout } = cli('review', DESIGN, '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toContain('## Scores');
    const original = parseDesignDoc(readFileSync(DESIGN)).board;
    const back = importDesign(stdout).board;
    expect(back.nodes).toEqual(original.nodes);
    expect(back.edges).toEqual(original.edges);
    expect(back.sections).toEqual(original.sections);
  });

  it('json follows the export schema and html is one page with the diagram', () => {
    const json = cli('review', DESIGN, '--format=json');
    expect(json.code).toBe(0);
    expect(designExportSchema.parse(JSON.parse(json.stdout)).reviews[0]?.review.reviewer).toBe('rules');
    const html = cli('review', DESIGN, '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<svg');
  });

  it('refuses an unknown format and --json together with --format', () => {
    expect(cli('review', DESIGN, '--format', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format needs md, html or json, not "pdf"/) });
    expect(cli('review', DESIGN, '--json', '--format', 'md')).toMatchObject({ code: 2, stderr: expect.stringMatching(/either --json or --format/) });
  });
});
