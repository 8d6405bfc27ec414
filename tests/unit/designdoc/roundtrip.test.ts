import { describe, it, expect } from 'vitest';
import { formatDesignDoc, parseDesignDoc } from '../../../core/src/designdoc';
import { NODE_KINDS } from '../../../core/src/board/kinds';
import { SECTION_IDS } from '../../../core/src/board/sections';
import { boardSchema, type Board, type BoardEdge, type BoardNode } from '../../../core/src/board/schema';
import { seededRandom } from '../../support/random';

const rng = seededRandom;

const NASTY_LABEL_PARTS = [
  'API', 'Redis cache', 'Load balancer', '"quoted"', "it's", '[brackets]', '(parens)', '{braces}', '|pipe|',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '#quot;', '#35;', '&amp;', 'C#', '#', ';', ':::cache',
  '-->', '-.->', '==>', '%% comment', '`tick`', '\\', '/', 'end', 'subgraph', 'ünïcødé', '数据库', 'שלום', '🚀🔥',
  '\n', '\t', ' ', '  ', '\u0001', '\u2028', '```', '## heading', '---', '\u00a0', 'a'.repeat(40),
];
const NASTY_IDS = [
  'end', 'subgraph', 'class', 'style', 'graph', 'flowchart', 'click', 'direction', 'o', 'x', 'a--b', '-x', 'x-',
  '_', '__proto__', 'constructor', '123', 'A-B_c', 'e-a-b', 'a', 'b', 'n_end', 'a__b', 'z'.repeat(64),
];
const SECTION_PARTS = [
  'Plain words.', '- a list item', '## looks like a heading', '\\## escaped already', '### sub heading', '# h1 inside',
  '```js\nconst x = "## not a heading";\n```', '~~~\n## tilde fence\n~~~', '---', 'p99 < 50 ms & 99.99%',
  '```mermaid\nsequenceDiagram\n  A->>B: hi\n```', '    indented code', '> quote', '<b>html</b>', '數據 ✓', '\ttabbed',
  '```mermaid\nflowchart LR\n  quoted --> flowchart\n```',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function label(r: () => number): string {
  const parts = Math.floor(r() * 4);
  let out = '';
  for (let i = 0; i < parts; i++) out += pick(r, NASTY_LABEL_PARTS);
  return out.slice(0, 200);
}

/** Section text as the parser gives it back: no leading blank lines, no trailing space. */
function sectionText(r: () => number): string {
  const parts = 1 + Math.floor(r() * 4);
  const chosen: string[] = [];
  for (let i = 0; i < parts; i++) chosen.push(pick(r, SECTION_PARTS));
  return chosen.join(r() < 0.5 ? '\n' : '\n\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function randomBoard(seed: number): Board {
  const r = rng(seed);
  const ids = new Set<string>();
  const count = Math.floor(r() * 18);
  while (ids.size < count) ids.add(r() < 0.35 ? pick(r, NASTY_IDS) : `n${Math.floor(r() * 1000)}`);
  const order = [...ids];
  const nodes: BoardNode[] = order.map((id, i) => {
    const node: BoardNode = {
      id,
      kind: pick(r, NODE_KINDS),
      label: label(r),
      x: r() < 0.5 ? Math.floor(r() * 2000) - 500 : Math.round(r() * 1e6) / 1000,
      y: Math.floor(r() * 2000),
      notes: r() < 0.3 ? label(r) + '\n' + label(r) : '',
      props: r() < 0.2 ? { engine: label(r), 'odd key "x"': 'v<1>' } : {},
    };
    if (r() < 0.2) node.width = 100 + Math.floor(r() * 300);
    if (r() < 0.2) node.height = 40 + Math.floor(r() * 200);
    // Parents only point earlier in a shuffled order, so the generated tree has no cycles.
    if (i > 0 && r() < 0.35) node.parent = order[Math.floor(r() * i)];
    return node;
  });
  // Shuffle so children often come before their parents in the array.
  for (let i = nodes.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [nodes[i], nodes[j]] = [nodes[j] as BoardNode, nodes[i] as BoardNode];
  }
  const edges: BoardEdge[] = [];
  const edgeIds = new Set<string>();
  const edgeCount = nodes.length === 0 ? 0 : Math.floor(r() * 25);
  for (let i = 0; i < edgeCount; i++) {
    const source = pick(r, nodes).id;
    const target = pick(r, nodes).id;
    const style = r();
    let id = style < 0.4 ? `e-${source}-${target}` : style < 0.7 ? `edge_${Math.floor(r() * 100)}` : pick(r, ['e-a-b', 'e-a-b-2', 'x', 'e-n1-n2']);
    if (id.length > 64 || edgeIds.has(id)) id = `edge-${i}`;
    edgeIds.add(id);
    edges.push({ id, source, target, label: r() < 0.5 ? '' : label(r), mode: r() < 0.3 ? 'async' : 'sync' });
  }
  const sections: Board['sections'] = {};
  for (const id of SECTION_IDS) if (r() < 0.4) sections[id] = sectionText(r);
  const meta: Board['meta'] = {};
  if (r() < 0.8) meta.prompt = pick(r, ['url-shortener', 'rate-limiter', 'a: b', '123', 'true', '- x']);
  if (r() < 0.6) meta.title = label(r);
  if (r() < 0.2) meta.phase = 'design';
  for (const key of ['title', 'prompt', 'phase'] as const) if (meta[key] === '') delete meta[key];
  return boardSchema.parse({ meta, nodes, edges, sections, comments: [] });
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('round trip over seeded random boards with nasty labels', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: parse(format(board)) equals the board, and format is stable', (seed) => {
    const board = randomBoard(seed);
    const text = formatDesignDoc(board);
    const { board: back, warnings } = parseDesignDoc(text);
    expect(warnings).toEqual([]);
    expect(back.meta).toEqual(board.meta);
    expect(back.sections).toEqual(board.sections);
    expect([...back.nodes].sort(byId)).toEqual([...board.nodes].sort(byId));
    expect(back.edges).toEqual(board.edges);
    expect(formatDesignDoc(back)).toBe(text);
  });

  it('generates boards that exercise the hard cases', () => {
    const boards = seeds.map(randomBoard);
    const nodes = boards.flatMap((b) => b.nodes);
    expect(nodes.some((n) => n.parent !== undefined && n.kind !== 'group')).toBe(true);
    expect(nodes.some((n) => n.id === 'end')).toBe(true);
    expect(nodes.some((n) => n.label.includes('<img'))).toBe(true);
    expect(nodes.some((n) => n.label.includes('\n'))).toBe(true);
    expect(boards.some((b) => b.edges.some((e) => e.source === e.target))).toBe(true);
    expect(boards.some((b) => (b.sections.requirements ?? '').includes('## looks like'))).toBe(true);
    expect(boards.filter((b) => b.nodes.length === 0).length).toBeGreaterThan(0);
  });
});
