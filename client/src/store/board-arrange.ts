/**
 * Align and distribute the selected nodes. Each operation is ONE LOCAL_ORIGIN transaction in
 * its own undo step, so a single undo puts every node back, and only this user's undo stack
 * holds it. The math works on absolute boxes (board-align.ts); the document gets positions
 * relative to each node's parent, which it keeps.
 */
import { patchNode } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';
import { geometry, selectedNodeIds, useBoardStore, writer, type BoardState } from './board';
import { align, distribute, MIN_TO_ALIGN, MIN_TO_DISTRIBUTE, outermost, toRelative, type Alignment, type Axis, type Box } from './board-align';
import { stopCapturing } from './board-history';

/** The selected nodes that move as units (a selected group's selected children move with it). */
export function arrangeableIds(s: BoardState = useBoardStore.getState()): string[] {
  const geo = geometry(s);
  return outermost(selectedNodeIds(s), (id, ancestor) => geo.isDescendant(id, ancestor));
}

function arrange(min: number, compute: (boxes: Box[]) => Map<string, { x: number; y: number }>): void {
  const s = writer();
  if (!s) return;
  const geo = geometry(s);
  const boxes: Box[] = [];
  for (const id of arrangeableIds(s)) {
    const rect = geo.rect(id);
    if (rect) boxes.push({ id, ...rect });
  }
  if (boxes.length < min) return;
  const moves = toRelative(compute(boxes), geo);
  if (moves.size === 0) return;
  // Its own undo step even right after another edit (the undo manager merges edits 300 ms apart).
  stopCapturing();
  s.doc.transact(() => {
    for (const [id, position] of moves) patchNode(s.doc, id, position);
  }, LOCAL_ORIGIN);
  stopCapturing();
}

export function alignSelection(how: Alignment): void {
  arrange(MIN_TO_ALIGN, (boxes) => align(boxes, how));
}

export function distributeSelection(axis: Axis): void {
  arrange(MIN_TO_DISTRIBUTE, (boxes) => distribute(boxes, axis));
}
