import { describe, it, expect } from 'vitest';
import { LAYOUT, layoutBoard, parseDesignDoc } from '../../../core/src/designdoc';

const FM = '---\nprompt: x\n---\n## Design\n';
const doc = (diagram: string): string => `${FM}\`\`\`mermaid\n${diagram}\n\`\`\`\n`;

describe('layered layout', () => {
  it('spaces layers ~220 px apart along LR and siblings ~120 px across', () => {
    const placed = layoutBoard([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'c' },
    ], 'LR');
    expect(Object.fromEntries(placed)).toEqual({ a: { x: 0, y: 60 }, b: { x: 220, y: 0 }, c: { x: 220, y: 120 } });
  });

  it('runs top to bottom for TB and reverses for RL and BT', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    const edges = [{ source: 'a', target: 'b' }];
    expect(Object.fromEntries(layoutBoard(nodes, edges, 'TB'))).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 220 } });
    expect(Object.fromEntries(layoutBoard(nodes, edges, 'BT'))).toEqual({ a: { x: 0, y: 220 }, b: { x: 0, y: 0 } });
    expect(Object.fromEntries(layoutBoard(nodes, edges, 'RL'))).toEqual({ a: { x: 220, y: 0 }, b: { x: 0, y: 0 } });
  });

  it('survives cycles and self-loops (back edges are ignored for layering)', () => {
    const placed = layoutBoard([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'b', target: 'b' },
    ], 'LR');
    expect([...placed.values()].map((p) => p.x)).toEqual([0, 220, 440]);
  });

  it('places children inside their group, relative to it, and sizes the group to fit', () => {
    const placed = layoutBoard(
      [{ id: 'g', group: true }, { id: 'a', parent: 'g' }, { id: 'b', parent: 'g' }, { id: 'out' }],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'out' },
      ],
      'LR',
    );
    const pad = LAYOUT.groupPadding;
    expect(placed.get('a')).toEqual({ x: pad, y: LAYOUT.groupHeader });
    expect(placed.get('b')).toEqual({ x: pad + 220, y: LAYOUT.groupHeader });
    expect(placed.get('g')).toEqual({ x: 0, y: 0, width: 220 + 160 + 2 * pad, height: 60 + pad + LAYOUT.groupHeader });
    // The edge from inside the group orders the group before `out`.
    expect(placed.get('out')?.x).toBe(220 + 160 + 2 * pad + (220 - 160));
  });

  it('gives an empty group a frame', () => {
    expect(layoutBoard([{ id: 'g', group: true }], [], 'LR').get('g')).toEqual({ x: 0, y: 0, width: 220, height: 130 });
  });
});

describe('positions in the design doc', () => {
  it('uses stored positions and sizes from the designroom-layout comment', () => {
    const { board } = parseDesignDoc(doc('flowchart LR\n  a --> b\n  %% designroom-layout: {"a":[5,6],"b":[7.5,-8,100,null]}'));
    expect(board.nodes.map((n) => [n.id, n.x, n.y, n.width ?? null, n.height ?? null])).toEqual([
      ['a', 5, 6, null, null],
      ['b', 7.5, -8, 100, null],
    ]);
  });

  it('puts nodes added by hand below the stored ones', () => {
    const { board } = parseDesignDoc(doc('flowchart LR\n  a --> b\n  %% designroom-layout: {"a":[0,500]}'));
    expect(board.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['a', 0, 500],
      ['b', 220, 500 + 60 + 120],
    ]);
  });

  it('warns about a malformed layout and lays out instead', () => {
    const { board, warnings } = parseDesignDoc(doc('flowchart LR\n  a --> b\n  %% designroom-layout: {"a":["x",1]}'));
    expect(warnings).toEqual([{ line: 8, message: 'designroom-layout comment has an unexpected shape; it is ignored' }]);
    expect(board.nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [220, 0],
    ]);
  });

  it('reads notes and props from designroom-node comments and warns about unknown ones', () => {
    const { board, warnings } = parseDesignDoc(
      doc('flowchart LR\n  a\n  %% designroom-node: {"id":"a","notes":"n \\u003cb>","props":{"k":"v"}}\n  %% designroom-magic: {}'),
    );
    expect(board.nodes[0]).toMatchObject({ id: 'a', notes: 'n <b>', props: { k: 'v' } });
    expect(warnings).toEqual([{ line: 9, message: 'unknown designroom-magic comment is ignored' }]);
  });
});
