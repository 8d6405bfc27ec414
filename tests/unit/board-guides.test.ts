import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nodesMap, putNode, readNode } from '../../core/src';
import { useBoardStore } from '../../client/src/store/board';
import { onNodesChange } from '../../client/src/store/board-actions';
import type { DesignNode } from '../../client/src/store/board-flow';
import { snapToGuides, useGuides } from '../../client/src/store/board-guides';
import { testNode, useBoundStore } from '../support/board-store';

const rect = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('snapping to other nodes while dragging', () => {
  it('snaps a left edge 4 units off onto the other left edge, with a vertical guide spanning both', () => {
    const snap = snapToGuides(rect(104, 300), [rect(100, 100)]);
    expect(snap.dx).toBe(-4);
    expect(snap.dy).toBe(0);
    expect(snap.guides).toEqual([{ axis: 'x', at: 100, from: 100, to: 350 }]);
  });

  it('aligns centres of different sizes, and snaps both axes independently', () => {
    // Moving: 60 wide, centre x = 233 → other's centre 230; bottom 197 → other's top 200.
    const snap = snapToGuides(rect(203, 157, 60, 40), [rect(180, 200, 100, 50)]);
    expect(snap).toMatchObject({ dx: -3, dy: 3 });
    expect(snap.guides.map((g) => [g.axis, g.at])).toEqual([['x', 230], ['y', 200]]);
  });

  it('picks the closest match when several are in reach', () => {
    const snap = snapToGuides(rect(105, 0), [rect(100, 300), rect(107, 600)]);
    expect(snap.dx).toBe(2);
    expect(snap.guides[0]).toMatchObject({ axis: 'x', at: 107 });
  });

  it('leaves the node where it is when nothing is within reach', () => {
    expect(snapToGuides(rect(120, 320), [rect(100, 100)])).toEqual({ dx: 0, dy: 0, guides: [] });
    expect(snapToGuides(rect(120, 320), [])).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});

describe('guides on the board store', () => {
  const bind = useBoundStore();
  const board = () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      putNode(doc, testNode('a', 0, 0));
      putNode(doc, testNode('b', 300, 300));
    });
    return bind(doc);
  };
  const stored = (doc: Y.Doc, id: string) => readNode(id, nodesMap(doc).get(id));
  const move = (position: { x: number; y: number }, dragging?: boolean): NodeChange<DesignNode> => ({ type: 'position', id: 'b', position, dragging });

  it('a pointer drag snaps while moving and at the drop, and the guide goes with the drop', () => {
    const doc = board();
    onNodesChange([move({ x: 150, y: 200 }, true)]);
    onNodesChange([move({ x: 4, y: 200 }, true)]);
    expect(useBoardStore.getState().local.b?.position).toEqual({ x: 0, y: 200 });
    expect(useGuides.getState().guides).toEqual([{ axis: 'x', at: 0, from: 0, to: 250 }]);
    onNodesChange([move({ x: 4, y: 200 }, false)]);
    expect(stored(doc, 'b')).toMatchObject({ x: 0, y: 200 });
    expect(useGuides.getState().guides).toEqual([]);
  });

  it('an arrow-key move (no pointer drag before it) is not snapped back onto the line', () => {
    const doc = board();
    onNodesChange([move({ x: 2, y: 300 }, false)]);
    expect(stored(doc, 'b')).toMatchObject({ x: 2, y: 300 });
  });

  it('several nodes dragged together are not snapped', () => {
    const doc = board();
    putNode(doc, testNode('c', 600, 600));
    onNodesChange([move({ x: 3, y: 200 }, true), { type: 'position', id: 'c', position: { x: 303, y: 500 }, dragging: true }]);
    expect(useBoardStore.getState().local.b?.position).toEqual({ x: 3, y: 200 });
    expect(useGuides.getState().guides).toEqual([]);
  });
});
