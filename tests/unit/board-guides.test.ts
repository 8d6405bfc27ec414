import { describe, expect, it } from 'vitest';
import { snapToGuides } from '../../client/src/store/board-guides';

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
