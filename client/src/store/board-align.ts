/**
 * Alignment and equal-gap distribution of boxes, in absolute flow coordinates, and the
 * conversion of the results to the parent-relative positions the document stores. Pure: the
 * store action that writes them is in board-arrange.ts.
 */
import type { Rect } from './board-geometry';

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

export interface Box extends Rect {
  id: string;
}

type Point = { x: number; y: number };

/** Fewest boxes each operation needs: two to line up, three for a gap to be "equal". */
export const MIN_TO_ALIGN = 2;
export const MIN_TO_DISTRIBUTE = 3;

/**
 * New absolute top-left corners that line the boxes up on one edge or centre line of their
 * common bounds (so the boxes already at that edge stay put). Empty with fewer than two boxes.
 */
export function align(boxes: readonly Box[], how: Alignment): Map<string, Point> {
  const out = new Map<string, Point>();
  if (boxes.length < MIN_TO_ALIGN) return out;
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  for (const b of boxes) {
    let { x, y } = b;
    if (how === 'left') x = left;
    else if (how === 'center') x = (left + right) / 2 - b.width / 2;
    else if (how === 'right') x = right - b.width;
    else if (how === 'top') y = top;
    else if (how === 'middle') y = (top + bottom) / 2 - b.height / 2;
    else y = bottom - b.height;
    out.set(b.id, { x, y });
  }
  return out;
}

/**
 * New absolute corners that leave equal gaps between neighbours along `axis`, in the order of
 * their centres, keeping the outermost edges where they are. When the boxes are too wide for
 * their span (the gap would be negative) their centres are spaced evenly instead, between the
 * first and last centre, so the result never depends on how much they overlap. Empty with
 * fewer than three boxes.
 */
export function distribute(boxes: readonly Box[], axis: Axis): Map<string, Point> {
  const out = new Map<string, Point>();
  if (boxes.length < MIN_TO_DISTRIBUTE) return out;
  const start = (b: Box) => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: Box) => (axis === 'horizontal' ? b.width : b.height);
  const centre = (b: Box) => start(b) + size(b) / 2;
  const place = (b: Box, at: number) => out.set(b.id, axis === 'horizontal' ? { x: at, y: b.y } : { x: b.x, y: at });

  const sorted = [...boxes].sort((a, b) => centre(a) - centre(b) || a.id.localeCompare(b.id));
  const first = Math.min(...sorted.map(start));
  const last = Math.max(...sorted.map((b) => start(b) + size(b)));
  const total = sorted.reduce((sum, b) => sum + size(b), 0);
  const gap = (last - first - total) / (sorted.length - 1);
  if (gap >= 0) {
    let at = first;
    for (const b of sorted) {
      place(b, at);
      at += size(b) + gap;
    }
    return out;
  }
  const from = centre(sorted[0]!);
  const step = (centre(sorted[sorted.length - 1]!) - from) / (sorted.length - 1);
  sorted.forEach((b, i) => place(b, from + step * i - size(b) / 2));
  return out;
}

/** What the conversion needs to know about the board (BoardGeometry provides it). */
export interface PositionSource {
  absolute(id: string): Point | null;
  relative(id: string): Point | null;
}

/**
 * Turns absolute targets into whole-pixel positions relative to each node's parent, leaving
 * out nodes that would not move. A node keeps its parent: only its offset changes, by the same
 * amount as its absolute position, which holds because no target's ancestor moves with it
 * (the caller leaves out nodes whose group is part of the operation).
 */
export function toRelative(targets: ReadonlyMap<string, Point>, geo: PositionSource): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const [id, target] of targets) {
    const abs = geo.absolute(id);
    const rel = geo.relative(id);
    if (!abs || !rel) continue;
    const next = { x: Math.round(rel.x + target.x - abs.x), y: Math.round(rel.y + target.y - abs.y) };
    if (next.x !== rel.x || next.y !== rel.y) out.set(id, next);
  }
  return out;
}

/**
 * The ids that move as units: a selected node inside a selected group moves with its group,
 * so it is left out rather than moved twice.
 */
export function outermost(ids: readonly string[], isDescendant: (id: string, ancestor: string) => boolean): string[] {
  return ids.filter((id) => !ids.some((other) => other !== id && isDescendant(id, other)));
}
