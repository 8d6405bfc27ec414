import { describe, expect, it } from 'vitest';
import type { BoardNode } from '../../core/src';
import { align, distribute, outermost, toRelative, type Box } from '../../client/src/store/board-align';
import { BoardGeometry } from '../../client/src/store/board-geometry';
import { testNode } from '../support/board-store';

const box = (id: string, x: number, y: number, width = 100, height = 50): Box => ({ id, x, y, width, height });
const asObject = (m: Map<string, { x: number; y: number }>) => Object.fromEntries(m);

// Three boxes of different sizes, scattered: left edges 10/40/200, right edges 110/100/380.
const scattered = [box('a', 10, 0, 100, 40), box('b', 40, 100, 60, 80), box('c', 200, 30, 180, 20)];

describe('align', () => {
  it('lines up left edges on the leftmost', () => {
    expect(asObject(align(scattered, 'left'))).toEqual({ a: { x: 10, y: 0 }, b: { x: 10, y: 100 }, c: { x: 10, y: 30 } });
  });

  it('centres every box on the middle of the common bounds (10..380 → 195)', () => {
    expect(asObject(align(scattered, 'center'))).toEqual({ a: { x: 145, y: 0 }, b: { x: 165, y: 100 }, c: { x: 105, y: 30 } });
  });

  it('lines up right edges on the rightmost', () => {
    expect(asObject(align(scattered, 'right'))).toEqual({ a: { x: 280, y: 0 }, b: { x: 320, y: 100 }, c: { x: 200, y: 30 } });
  });

  it('aligns tops, vertical middles (0..180 → 90) and bottoms', () => {
    expect(asObject(align(scattered, 'top'))).toEqual({ a: { x: 10, y: 0 }, b: { x: 40, y: 0 }, c: { x: 200, y: 0 } });
    expect(asObject(align(scattered, 'middle'))).toEqual({ a: { x: 10, y: 70 }, b: { x: 40, y: 50 }, c: { x: 200, y: 80 } });
    expect(asObject(align(scattered, 'bottom'))).toEqual({ a: { x: 10, y: 140 }, b: { x: 40, y: 100 }, c: { x: 200, y: 160 } });
  });

  it('does nothing for a single box', () => {
    expect(align([box('a', 5, 5)], 'left').size).toBe(0);
  });
});

describe('distribute', () => {
  it('leaves equal horizontal gaps in the order of the centres, outer edges fixed', () => {
    // Span 0..400, widths 100 + 40 + 60 = 200 → two gaps of 100; input order is not screen order.
    const boxes = [box('right', 340, 0, 60), box('left', 0, 10, 100), box('mid', 120, 20, 40)];
    expect(asObject(distribute(boxes, 'horizontal'))).toEqual({
      left: { x: 0, y: 10 },
      mid: { x: 200, y: 20 },
      right: { x: 340, y: 0 },
    });
  });

  it('leaves equal vertical gaps', () => {
    // Span 0..300, heights 50 + 50 + 50 → gaps of 75.
    const boxes = [box('a', 0, 0), box('b', 30, 60), box('c', 60, 250)];
    expect(asObject(distribute(boxes, 'vertical'))).toEqual({ a: { x: 0, y: 0 }, b: { x: 30, y: 125 }, c: { x: 60, y: 250 } });
  });

  it('spaces centres evenly when the boxes are wider than their span', () => {
    // Centres at 50, 60 and 250; widths 100 + 100 + 100 > span 0..300.
    const boxes = [box('a', 0, 0), box('b', 10, 0), box('c', 200, 0)];
    const out = distribute(boxes, 'horizontal');
    const centres = ['a', 'b', 'c'].map((id) => out.get(id)!.x + 50);
    expect(centres).toEqual([50, 150, 250]);
  });

  it('needs three boxes', () => {
    expect(distribute([box('a', 0, 0), box('b', 300, 0)], 'horizontal').size).toBe(0);
  });
});

describe('parent-relative positions', () => {
  const node = testNode;
  // A group at (100, 50) holding `child` at (20, 40) inside it, i.e. (120, 90) on the board,
  // and a top-level node at (60, 200).
  const nodes = new Map<string, BoardNode>([
    ['group', node('group', 100, 50, { kind: 'group', width: 300, height: 200 })],
    ['child', node('child', 20, 40, { parent: 'group' })],
    ['free', node('free', 60, 200)],
  ]);
  const geo = new BoardGeometry(nodes, {}, new Set(['child']));

  it('aligns a child of a group in board coordinates and writes its offset inside the group', () => {
    const boxes = ['child', 'free'].map((id) => ({ id, ...geo.rect(id)! }));
    expect(boxes.map((b) => [b.x, b.y])).toEqual([[120, 90], [60, 200]]);
    const moves = toRelative(align(boxes, 'left'), geo);
    // The child moves 60 px left on the board: x 20 → -40 inside its group, y unchanged;
    // the free node is already leftmost and is not written at all.
    expect(asObject(moves)).toEqual({ child: { x: -40, y: 40 } });
    expect(geo.absolute('group')!.x + moves.get('child')!.x).toBe(60);
  });

  it('rounds to whole pixels', () => {
    const moves = toRelative(new Map([['child', { x: 150.4, y: 90.6 }]]), geo);
    expect(asObject(moves)).toEqual({ child: { x: 50, y: 41 } });
  });

  it('moves a selected group as a unit, not its selected children on their own', () => {
    expect(outermost(['child', 'group', 'free'], (id, ancestor) => geo.isDescendant(id, ancestor))).toEqual(['group', 'free']);
  });
});
