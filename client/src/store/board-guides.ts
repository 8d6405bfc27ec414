import type { NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { geometry, useBoardStore } from './board';
import type { DesignNode } from './board-flow';
import type { Rect } from './board-geometry';

/** How close (in flow units) an edge or centre must come to another's before it snaps to it. */
export const GUIDE_SNAP_DISTANCE = 6;

/** A line drawn while dragging, through the aligned edges or centres, spanning both nodes. */
export interface Guide {
  axis: 'x' | 'y';
  /** Where the line is: an x for a vertical line, a y for a horizontal one. */
  at: number;
  from: number;
  to: number;
}

export interface GuideSnap {
  dx: number;
  dy: number;
  guides: Guide[];
}

const xs = (r: Rect) => [r.x, r.x + r.width / 2, r.x + r.width];
const ys = (r: Rect) => [r.y, r.y + r.height / 2, r.y + r.height];

/**
 * Where `moving` should go so that one of its left/centre/right lines meets the nearest such line
 * of another node (and likewise top/middle/bottom), if one is within `distance`; plus the guide
 * lines that show it. Each axis snaps on its own, to the closest match.
 */
export function snapToGuides(moving: Rect, others: readonly Rect[], distance = GUIDE_SNAP_DISTANCE): GuideSnap {
  const best = (axis: 'x' | 'y') => {
    const mine = axis === 'x' ? xs(moving) : ys(moving);
    let found: { delta: number; at: number; other: Rect } | null = null;
    for (const other of others) {
      for (const target of axis === 'x' ? xs(other) : ys(other)) {
        for (const line of mine) {
          const delta = target - line;
          if (Math.abs(delta) <= distance && (!found || Math.abs(delta) < Math.abs(found.delta))) found = { delta, at: target, other };
        }
      }
    }
    return found;
  };
  const x = best('x');
  const y = best('y');
  const dx = x?.delta ?? 0;
  const dy = y?.delta ?? 0;
  const placed = { ...moving, x: moving.x + dx, y: moving.y + dy };
  const guides: Guide[] = [];
  if (x) {
    guides.push({ axis: 'x', at: x.at, from: Math.min(placed.y, x.other.y), to: Math.max(placed.y + placed.height, x.other.y + x.other.height) });
  }
  if (y) {
    guides.push({ axis: 'y', at: y.at, from: Math.min(placed.x, y.other.x), to: Math.max(placed.x + placed.width, y.other.x + y.other.width) });
  }
  return { dx, dy, guides };
}

/** The guides to draw right now (this user's drag only; never in the document). */
export const useGuides = create<{ guides: Guide[] }>(() => ({ guides: [] }));

export function showGuides(guides: Guide[]): void {
  const now = useGuides.getState().guides;
  const same = now.length === guides.length && now.every((g, i) => {
    const h = guides[i];
    return h !== undefined && g.axis === h.axis && g.at === h.at && g.from === h.from && g.to === h.to;
  });
  if (!same) useGuides.setState({ guides });
}

/** The node being dragged by the pointer: a keyboard move also ends with `dragging: false`. */
let pointerDrag: string | null = null;

/**
 * While one node is dragged, nudges React Flow's position change so the node lines up with a
 * neighbour it comes close to, and shows the guide. The drop is nudged the same way (React Flow
 * reports it from the pointer, unsnapped); then the guides go. Arrow-key moves are left alone,
 * so a node can always be stepped off a line. A multi-node drag is not snapped: which of the
 * nodes should line up would be a guess.
 */
export function guideDrag(changes: NodeChange<DesignNode>[]): void {
  const drags = changes.filter((c) => c.type === 'position');
  const drag = drags.length === 1 ? drags[0] : undefined;
  if (!drag || drag.dragging === undefined || !drag.position) {
    if (drags.some((c) => c.dragging === false)) endDrag();
    return;
  }
  if (drag.dragging) pointerDrag = drag.id;
  else if (pointerDrag !== drag.id) return endDrag();
  const s = useBoardStore.getState();
  const geo = geometry(s);
  const parent = geo.parentOf(drag.id);
  const origin = parent ? (geo.absolute(parent) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
  const moving = { x: origin.x + drag.position.x, y: origin.y + drag.position.y, ...geo.size(drag.id) };
  const others: Rect[] = [];
  for (const id of s.order) {
    if (id === drag.id || geo.isDescendant(id, drag.id)) continue;
    const rect = geo.rect(id);
    if (rect) others.push(rect);
  }
  const snap = snapToGuides(moving, others);
  drag.position = { x: drag.position.x + snap.dx, y: drag.position.y + snap.dy };
  if (drag.dragging) showGuides(snap.guides);
  else endDrag();
}

function endDrag(): void {
  pointerDrag = null;
  showGuides([]);
}
