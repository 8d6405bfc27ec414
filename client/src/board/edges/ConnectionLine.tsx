import { getBezierPath, Position, type ConnectionLineComponentProps } from '@xyflow/react';
import type { DesignNode } from '../../store/board-flow';
import { floatingStart } from './floating';

/** The pointer has no side: the curve arrives as if facing the side it left from. */
const OPPOSITE: Record<Position, Position> = {
  [Position.Left]: Position.Right,
  [Position.Right]: Position.Left,
  [Position.Top]: Position.Bottom,
  [Position.Bottom]: Position.Top,
};

/**
 * The line shown while dragging a new edge or an edge's end: it leaves the fixed node where the
 * finished edge will, not from the handle React Flow started at (edges here have no handles).
 */
export function ConnectionLine({ fromNode, toX, toY, connectionLineStyle }: ConnectionLineComponentProps<DesignNode>) {
  const start = floatingStart(fromNode, { x: toX, y: toY });
  const [path] = getBezierPath({ sourceX: start.x, sourceY: start.y, sourcePosition: start.position, targetX: toX, targetY: toY, targetPosition: OPPOSITE[start.position] });
  return (
    <g className="connection-line">
      <path d={path} fill="none" stroke="var(--accent)" strokeWidth={1.5} strokeDasharray="5 4" style={connectionLineStyle} />
      <circle cx={toX} cy={toY} r={3} fill="var(--accent)" />
    </g>
  );
}
