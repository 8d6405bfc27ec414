import { beforeAll, describe, expect, it } from 'vitest';
import { designExportSchema, exportHtml, exportJson, exportMarkdown, renderBoardSvg, type ExportData } from '../../../core/src/export';
import { importDesign } from '../../../core/src/import';
import type { Board } from '../../../core/src/board/schema';
import { loadRubrics } from '../../../server/src/data/rubrics';
import { HOSTILE, sampleData } from './sample';

let data: ExportData;
beforeAll(async () => {
  data = sampleData(await loadRubrics());
});

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
/** What a round trip must keep: ids, labels, kinds, groups, edge ends, labels and modes, sections. */
function essence(board: Board) {
  return {
    nodes: byId(board.nodes).map((n) => [n.id, n.kind, n.label, n.parent ?? null, n.notes]),
    edges: byId(board.edges).map((e) => [e.id, e.source, e.target, e.label, e.mode]),
    sections: board.sections,
  };
}

describe('exportMarkdown', () => {
  it('imports back as the same board: nodes, edges, labels, kinds, groups, sections', () => {
    const md = exportMarkdown(data);
    const back = importDesign(md, { filename: 'export.md' });
    expect(essence(back.board)).toEqual(essence(data.board));
    expect(back.warnings).toEqual([expect.stringMatching(/the exported review from here on .* is not imported/)]);
  });

  it('carries the scores table, evidence, missing, follow-ups with answers, Q&A, phases, comments and notes', () => {
    const md = exportMarkdown(data);
    const review = md.slice(md.indexOf('designroom:review'));
    expect(review).toMatch(/\| Requirements \| \d\/4 \|/);
    expect(review).toMatch(/\*\*Overall\*\* \| \*\*\d+\*\*\/100/);
    expect(review).toContain('Evidence:');
    expect(review).toContain('Missing:');
    // The hostile follow-up was asked as question 1 and answered; its answer follows it.
    expect(review).toMatch(/\*\*Scaling\*\*: .*alert\(1\)[\s\S]*> Shard by code/);
    expect(review).toContain('## Time per phase');
    expect(review).toContain('| High-level design | 20 min 00 s |');
    expect(review).toContain('## Comments');
    expect(review).toContain('## Interviewer’s private notes');
  });

  it('leaves no HTML tag from user text in the Markdown outside the sections (which are Markdown by design and kept verbatim)', () => {
    const md = exportMarkdown(data).replace(data.board.sections.notes!, '');
    expect(md).not.toMatch(/<script|<img|<\/script/i);
    expect(md).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('omits the private notes when the data has none', () => {
    expect(exportMarkdown({ ...data, private: null })).not.toContain('private notes');
  });
});

describe('exportJson', () => {
  it('validates against the published schema and gives back the same board', () => {
    const parsed = designExportSchema.parse(JSON.parse(exportJson(data)));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.board).toEqual(data.board);
    expect(parsed.reviews[0]!.review).toEqual(data.reviews[0]!.review);
    expect(parsed.questions).toEqual(data.questions);
  });

  it('refuses to write data that breaks the schema', () => {
    const broken = { ...data, reviews: [{ id: 1, createdAt: 0, review: { ...data.reviews[0]!.review, overall: 400 } }] };
    expect(() => exportJson(broken)).toThrow(/overall/);
  });
});

describe('exportHtml and renderBoardSvg', () => {
  it('keeps hostile text as text everywhere', () => {
    const html = exportHtml(data);
    expect(html.match(/<script/gi)).toBeNull();
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    const svg = renderBoardSvg(data.board, { theme: 'dark' });
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&lt;/script&gt;');
  });

  it('is one file with a strict CSP, no external reference, and no image from Markdown', () => {
    const html = exportHtml(data);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset)=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('<a href="https://example.com">a link</a>');
    // An image is a link to it, never loaded.
    expect(html).toContain('!<a href="https://example.com/x.png">img</a>');
  });

  it('draws every node with its kind and every edge with its label, and links evidence to them', () => {
    const html = exportHtml(data);
    for (const node of data.board.nodes) expect(html).toContain(`id="node-${node.id}"`);
    for (const edge of data.board.edges) expect(html).toContain(`id="edge-${edge.id}"`);
    expect(html).toContain('>DATABASE<');
    expect(html).toContain('marker-end="url(#arrow)"');
    expect(html).toContain('href="#node-evil"');
    expect(html).toContain('id="answer-1"');
    expect(html).toMatch(/Region eu-west/);
  });

  it('draws an empty board as a note, not as nothing', () => {
    expect(renderBoardSvg({ meta: {}, nodes: [], edges: [], sections: {}, comments: [] })).toContain('The board is empty');
  });

  it('contains the hostile string nowhere unescaped', () => {
    const md = exportMarkdown(data).replace(data.board.sections.notes!, '');
    for (const text of [exportHtml(data), renderBoardSvg(data.board), md]) expect(text).not.toContain(HOSTILE);
  });
});
