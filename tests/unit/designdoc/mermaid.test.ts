import { describe, it, expect } from 'vitest';
import { parseMermaid, type MermaidGraph } from '../../../core/src/designdoc';

/** Parses a diagram given as text; line numbers start at `first` as they would inside a file. */
function mm(text: string, first = 1): MermaidGraph {
  return parseMermaid(text.split('\n').map((t, i) => ({ text: t, line: first + i })));
}

const nodes = (g: MermaidGraph) => g.nodes.map((n) => [n.id, n.label, n.kind, n.shape]);
const edges = (g: MermaidGraph) => g.edges.map((e) => [e.source, e.target, e.label, e.mode]);

describe('flowchart header', () => {
  it.each([
    ['flowchart LR', 'LR'],
    ['flowchart TD', 'TB'],
    ['flowchart TB', 'TB'],
    ['graph RL', 'RL'],
    ['graph BT;', 'BT'],
    ['flowchart', 'TB'],
  ])('%s -> %s', (header, direction) => {
    const g = mm(`${header}\n  a --> b`);
    expect(g.direction).toBe(direction);
    expect(g.warnings).toEqual([]);
  });
});

describe('mermaid config block', () => {
  it('skips a leading --- config block (title, theme) without warnings', () => {
    const g = mm('---\ntitle: Shortener\n---\nflowchart LR\n  a --> b');
    expect(g.warnings).toEqual([]);
    expect(g.direction).toBe('LR');
    expect(edges(g)).toEqual([['a', 'b', '', 'sync']]);
  });
});

describe('node shapes', () => {
  it('reads every supported shape with its label', () => {
    const g = mm(
      [
        'flowchart LR',
        '  a[Rect]',
        '  b(Round)',
        '  c([Stadium])',
        '  d[(Cylinder)]',
        '  e((Circle))',
        '  f{Rhombus}',
        '  g[/Parallelogram/]',
        '  h[[Subroutine]]',
        '  i{{Hexagon}}',
        '  j>Flag]',
        '  k(((Double)))',
        '  l[\\Alt\\]',
        '  m[/Trap\\]',
        '  n',
      ].join('\n'),
    );
    expect(g.warnings).toEqual([]);
    expect(g.nodes.map((n) => [n.id, n.label, n.shape])).toEqual([
      ['a', 'Rect', 'rect'],
      ['b', 'Round', 'round'],
      ['c', 'Stadium', 'stadium'],
      ['d', 'Cylinder', 'cylinder'],
      ['e', 'Circle', 'circle'],
      ['f', 'Rhombus', 'rhombus'],
      ['g', 'Parallelogram', 'parallelogram'],
      ['h', 'Subroutine', 'subroutine'],
      ['i', 'Hexagon', 'hexagon'],
      ['j', 'Flag', 'asymmetric'],
      ['k', 'Double', 'double-circle'],
      ['l', 'Alt', 'parallelogram-alt'],
      ['m', 'Trap', 'trapezoid'],
      ['n', 'n', 'none'],
    ]);
  });

  it('reads quoted labels verbatim, including brackets and pipes, and decodes entities', () => {
    const g = mm('flowchart LR\n  a["Weird ] label (x) | {y}"]\n  b["say #quot;hi#quot; #35; #lt;b#gt;"]\n  c[Plain #amp; simple]');
    expect(g.warnings).toEqual([]);
    expect(g.nodes.map((n) => n.label)).toEqual(['Weird ] label (x) | {y}', 'say "hi" # <b>', 'Plain & simple']);
  });

  it('reads markdown-string labels without their backticks', () => {
    expect(mm('flowchart LR\n  a["`**bold** text`"]').nodes[0]?.label).toBe('**bold** text');
  });

  it('treats a long opener without its closer as a plain box (a[/api/v1])', () => {
    expect(nodes(mm('flowchart LR\n  a[/api/v1]'))).toEqual([['a', '/api/v1', 'service', 'rect']]);
  });

  it('infers kinds from shape and label, with :::kind winning', () => {
    const g = mm('flowchart LR\n  a[(Orders)]\n  b([Alice])\n  c[(Redis cache)]\n  d[Thing]:::queue\n  e[Thing]:::load_balancer');
    expect(g.nodes.map((n) => n.kind)).toEqual(['database', 'client', 'cache', 'queue', 'load-balancer']);
  });

  it('keeps the last label when a node is defined twice', () => {
    expect(nodes(mm('flowchart LR\n  a --> b\n  a[API]'))).toEqual([
      ['a', 'API', 'service', 'rect'],
      ['b', 'b', 'service', 'none'],
    ]);
  });
});

describe('edges', () => {
  it('reads each link form and its mode', () => {
    const g = mm(
      [
        'flowchart LR',
        '  a --> b',
        '  a --- c',
        '  a -.-> d',
        '  a ==> e',
        '  a -->|pipe label| f',
        '  a -- text label --> g',
        '  a -. async text .-> h',
        '  a == thick text ==> i',
        '  a -.->|"quoted | pipe"| j',
        '  a --x k',
        '  a<-->l',
        '  a---->m',
      ].join('\n'),
    );
    expect(g.warnings).toEqual([]);
    expect(edges(g)).toEqual([
      ['a', 'b', '', 'sync'],
      ['a', 'c', '', 'sync'],
      ['a', 'd', '', 'async'],
      ['a', 'e', '', 'sync'],
      ['a', 'f', 'pipe label', 'sync'],
      ['a', 'g', 'text label', 'sync'],
      ['a', 'h', 'async text', 'async'],
      ['a', 'i', 'thick text', 'sync'],
      ['a', 'j', 'quoted | pipe', 'async'],
      ['a', 'k', '', 'sync'],
      ['a', 'l', '', 'sync'],
      ['a', 'm', '', 'sync'],
    ]);
  });

  it('reads links without spaces and ids with single hyphens', () => {
    const g = mm('flowchart LR\n  api-1-->db-main\n  x-.->y');
    expect(edges(g)).toEqual([
      ['api-1', 'db-main', '', 'sync'],
      ['x', 'y', '', 'async'],
    ]);
  });

  it('expands chains and & fan-out in order', () => {
    const g = mm('flowchart LR\n  a --> b --> c\n  p & q --> r & s');
    expect(edges(g).map(([s, t]) => `${s}>${t}`)).toEqual(['a>b', 'b>c', 'p>r', 'p>s', 'q>r', 'q>s']);
  });

  it('splits ;-separated statements but not semicolons inside labels', () => {
    const g = mm('flowchart LR\n  a --> b; b --> c\n  d["x;y"] -->|"p;q"| e');
    expect(edges(g)).toEqual([
      ['a', 'b', '', 'sync'],
      ['b', 'c', '', 'sync'],
      ['d', 'e', 'p;q', 'sync'],
    ]);
    expect(g.nodes.find((n) => n.id === 'd')?.label).toBe('x;y');
  });
});

describe('subgraphs', () => {
  it('turns subgraphs into group nodes and gives children a parent', () => {
    const g = mm(
      [
        'flowchart LR',
        '  client --> api',
        '  subgraph dc [Data center]',
        '    direction TB',
        '    api[API]',
        '    subgraph storage["Storage tier"]',
        '      db[(DB)]',
        '    end',
        '  end',
        '  subgraph solo',
        '  end',
        '  subgraph Free form title',
        '    w[Worker]',
        '  end',
      ].join('\n'),
    );
    expect(g.warnings).toEqual([]);
    expect(g.nodes.map((n) => [n.id, n.label, n.kind, n.parent ?? null])).toEqual([
      ['client', 'client', 'client', null],
      ['api', 'API', 'service', 'dc'],
      ['dc', 'Data center', 'group', null],
      ['storage', 'Storage tier', 'group', 'dc'],
      ['db', 'DB', 'database', 'storage'],
      ['solo', 'solo', 'group', null],
      ['Free_form_title', 'Free form title', 'group', null],
      ['w', 'Worker', 'worker', 'Free_form_title'],
    ]);
  });

  it('applies `class id kind` to subgraphs and nodes', () => {
    const g = mm('flowchart LR\n  subgraph g [Gateway tier]\n    a[Thing]\n  end\n  class g api-gateway\n  class a,g2 cache');
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['g', 'api-gateway'],
      ['a', 'cache'],
    ]);
    expect(g.warnings).toEqual([{ line: 6, message: 'class statement names unknown node "g2"' }]);
  });
});

describe('comments, styling and unsupported lines', () => {
  it('ignores %% comments and styling statements without warnings', () => {
    const g = mm(
      [
        '%%{init: {"theme": "dark"}}%%',
        'flowchart LR',
        '  %% a comment',
        '  a --> b',
        '  classDef hot fill:#f00',
        '  style a fill:#0f0',
        '  linkStyle 0 stroke:#00f',
        '  class a hot',
      ].join('\n'),
    );
    expect(g.warnings).toEqual([]);
    expect(edges(g)).toEqual([['a', 'b', '', 'sync']]);
  });

  it('warns for every unsupported line with its line number in the file', () => {
    const g = mm(
      [
        'flowchart LR', // 10
        '  a --> b', // 11
        '  this is not mermaid', // 12
        '  click a "https://example.com"', // 13
        '  c@{ shape: rect }', // 14
        '  d ~~~ e', // 15
        '  end', // 16
        '  f --> g %% trailing comment', // 17
        '  subgraph open [Never closed]', // 18
        '    h', // 19
      ].join('\n'),
      10,
    );
    expect(g.warnings.map((w) => w.line)).toEqual([12, 13, 14, 15, 16, 17, 18]);
    expect(g.warnings[0]?.message).toBe('unsupported flowchart statement ignored: "this is not mermaid"');
    expect(g.warnings[1]?.message).toBe('click actions are not kept: "click a "https://example.com""');
    expect(g.warnings[3]?.message).toBe('invisible link (~~~) only affects layout; no edge is created');
    expect(g.warnings[4]?.message).toBe('"end" without an open subgraph is ignored');
    expect(g.warnings[6]?.message).toBe('subgraph "open" is never closed with "end"');
    // The good lines around the bad ones still count.
    expect(edges(g)).toEqual([['a', 'b', '', 'sync']]);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'd', 'e', 'open', 'h']);
  });

  it('sanitises ids that are not board ids, deterministically, with a warning', () => {
    const g = mm('flowchart LR\n  用户[User] --> a.b\n  a_b --> x');
    expect(g.nodes.map((n) => [n.id, n.label])).toEqual([
      ['__', 'User'],
      ['a_b', 'a.b'],
      ['a_b-2', 'a_b'],
      ['x', 'x'],
    ]);
    expect(g.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['__>a_b', 'a_b-2>x']);
    expect(g.warnings).toEqual([
      { line: 2, message: 'node id "用户" is not a valid board id; it is imported as "__"' },
      { line: 2, message: 'node id "a.b" is not a valid board id; it is imported as "a_b"' },
      { line: 3, message: 'node id "a_b" is not a valid board id; it is imported as "a_b-2"' },
    ]);
  });

  it('reads nodes named like keywords when they start a link', () => {
    const g = mm('flowchart LR\n  end --> subgraph\n  class -.-> style');
    expect(edges(g)).toEqual([
      ['end', 'subgraph', '', 'sync'],
      ['class', 'style', '', 'async'],
    ]);
    expect(g.warnings).toEqual([]);
  });

  it('breaks a subgraph parent cycle with a warning', () => {
    const g = mm('flowchart LR\n  subgraph A\n    B\n  end\n  subgraph B\n    A\n  end');
    expect(g.nodes.map((n) => [n.id, n.parent ?? null])).toEqual([
      ['A', null],
      ['B', null],
    ]);
    expect(g.warnings.map((w) => w.line)).toEqual([2, 3]);
  });
});
