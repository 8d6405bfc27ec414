/**
 * Reconnecting an edge: dragging one of its ends to another node moves that end. React Flow
 * runs the gesture (`edgesReconnectable`, `onReconnect`); the document gets the new ends in
 * one LOCAL_ORIGIN transaction. A drop on a node's body, away from its handles, counts too;
 * a drop on empty canvas leaves the edge as it was.
 */
import type { FinalConnectionState, HandleType, OnReconnect } from '@xyflow/react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { reconnectEdge } from '../../store/board-actions';
import type { DesignEdge } from '../../store/board-flow';

export type EdgeEnd = 'source' | 'target';

/** A drop on (or within snapping distance of) a handle: React Flow names the new ends. */
export const onReconnect: OnReconnect<DesignEdge> = (edge, connection) => reconnectEdge(edge.id, connection.source, connection.target);

/** The node drawn at a point on screen, if any (the topmost: a child before its group). */
function nodeAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const node = element.closest<HTMLElement>('.react-flow__node');
    if (node?.dataset.id) return node.dataset.id;
  }
  return undefined;
}

/**
 * The end of every reconnect gesture. React Flow only accepts drops near a handle; a drop
 * anywhere on a node is what people expect of a whiteboard, so that is taken here. `fixed` is
 * the end that stayed put.
 */
export function onReconnectEnd(event: MouseEvent | TouchEvent, edge: DesignEdge, fixed: HandleType, state: FinalConnectionState): void {
  if (state.isValid) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  const node = point && nodeAt(point.clientX, point.clientY);
  if (!node) return;
  if (fixed === 'target') reconnectEdge(edge.id, node, edge.target);
  else reconnectEdge(edge.id, edge.source, node);
}

/**
 * React Flow puts its reconnect anchors where an edge between handles would end, not where a
 * floating edge is drawn (xyflow/xyflow#3158), and version 12 has no anchor component for
 * custom edges. So the edge draws its own grips at its real ends, and a press on one is handed
 * to React Flow's anchor for that end, which then runs the whole gesture as usual.
 */
export function grabEdgeEnd(event: ReactMouseEvent<SVGElement>, end: EdgeEnd): void {
  if (event.button !== 0) return;
  const anchor = event.currentTarget.closest('.react-flow__edge')?.querySelector(`.react-flow__edgeupdater-${end}`);
  if (!anchor) return;
  event.stopPropagation();
  event.preventDefault();
  const { clientX, clientY, screenX, screenY } = event;
  anchor.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0, buttons: 1, clientX, clientY, screenX, screenY, view: window }));
}
