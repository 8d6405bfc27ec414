/**
 * Click-to-add (issue 11, point 6): repeated clicks on a palette item place each new component
 * in free space near the centre of the view, never on or partly over one already there.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nodesMap, putNode, readNode } from '../../core/src';
import { addNode } from '../../client/src/store/board-actions';
import { testNode, useBoundStore } from '../support/board-store';

const bind = useBoundStore();

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('click-to-add places components in free space', () => {
  it('six clicks at one spot beside an existing node give six components that overlap nothing', () => {
    const doc = bind(new Y.Doc());
    doc.transact(() => putNode(doc, testNode('existing', 0, 0, { width: 168, height: 58 })));
    const added: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = addNode('cache', { x: 90, y: 30 }, { stagger: true });
      expect(id).not.toBeNull();
      added.push(id!);
    }
    const rects = [...nodesMap(doc).keys()].map((id) => {
      const n = readNode(id, nodesMap(doc).get(id))!;
      return { id, x: n.x, y: n.y, width: n.width ?? 168, height: n.height ?? 58 };
    });
    expect(rects).toHaveLength(7);
    for (const a of rects) for (const b of rects) if (a.id !== b.id) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    // The first lands right next to the spot, not far away.
    const first = rects.find((r) => r.id === added[0])!;
    expect(Math.hypot(first.x + 84 - 90, first.y + 29 - 30)).toBeLessThan(260);
  });
});
