import { Position, type InternalNode } from '@xyflow/react';

/*
 * Floating edges: the document stores no handle ids, so an edge is drawn between the two
 * nodes' borders along the line joining their centres (React Flow's "floating edges" recipe).
 */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function box(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** Where the line from `a`'s centre to `b`'s centre leaves `a`'s box. */
function intersection(a: Box, b: Box): { x: number; y: number } {
  const w = a.width / 2;
  const h = a.height / 2;
  const cx = a.x + w;
  const cy = a.y + h;
  const tx = b.x + b.width / 2;
  const ty = b.y + b.height / 2;
  if (w === 0 || h === 0 || (cx === tx && cy === ty)) return { x: cx, y: cy };
  const xx1 = (tx - cx) / (2 * w) - (ty - cy) / (2 * h);
  const yy1 = (tx - cx) / (2 * w) + (ty - cy) / (2 * h);
  const k = 1 / (Math.abs(xx1) + Math.abs(yy1));
  const xx3 = k * xx1;
  const yy3 = k * yy1;
  return { x: w * (xx3 + yy3) + cx, y: h * (-xx3 + yy3) + cy };
}

function side(b: Box, p: { x: number; y: number }): Position {
  if (p.x <= b.x + 1) return Position.Left;
  if (p.x >= b.x + b.width - 1) return Position.Right;
  if (p.y <= b.y + 1) return Position.Top;
  return Position.Bottom;
}

export function floatingEdgeParams(source: InternalNode, target: InternalNode) {
  const s = box(source);
  const t = box(target);
  const sp = intersection(s, t);
  const tp = intersection(t, s);
  return { sx: sp.x, sy: sp.y, tx: tp.x, ty: tp.y, sourcePos: side(s, sp), targetPos: side(t, tp) };
}

/**
 * The start of the line drawn while connecting or moving an edge end: where the line from the
 * fixed node's centre to the pointer leaves its border, as a finished edge would be drawn.
 */
export function floatingStart(from: InternalNode, pointer: { x: number; y: number }): { x: number; y: number; position: Position } {
  const b = box(from);
  const p = intersection(b, { ...pointer, width: 0, height: 0 });
  return { ...p, position: side(b, p) };
}
