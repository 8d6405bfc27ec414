import { BaseEdge, EdgeLabelRenderer, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { setEdgeLabel, toggleEdgeMode } from '../../store/board-actions';
import { startEditing, useBoardStore } from '../../store/board';
import type { DesignEdge } from '../../store/board-flow';
import { LabelInput } from '../nodes/LabelInput';
import { floatingEdgeParams } from './floating';
import { grabEdgeEnd, type EdgeEnd } from './reconnect';
import './edges.css';

/** How far outside the node a grip sits, so the node (drawn above edges) does not cover it. */
const GRIP_OFFSET = 9;

/**
 * A handle to drag one end of a selected edge onto another node. The wide transparent circle
 * takes the press; the small one shows where it is.
 */
function Grip({ edgeId, end, x, y }: { edgeId: string; end: EdgeEnd; x: number; y: number }) {
  return (
    <g className="edge-grip" data-testid={`edge-grip-${end}-${edgeId}`} onMouseDown={(e) => grabEdgeEnd(e, end)}>
      <circle className="edge-grip-hit" cx={x} cy={y} r={10} />
      <circle className="edge-grip-dot" cx={x} cy={y} r={4.5} />
    </g>
  );
}

/**
 * A call between two components: solid for synchronous, dashed for asynchronous, with its
 * label and a sync/async switch at the middle. Double-click the label to edit it; drag a grip
 * of a selected edge to move that end to another node.
 */
export const DesignEdgeView = memo(function DesignEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<DesignEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const editing = useBoardStore((s) => s.editing?.type === 'edge' && s.editing.id === id);
  const writable = useBoardStore((s) => s.writable);
  if (!sourceNode || !targetNode || !data) return null;
  const { edge } = data;
  const { sx, sy, tx, ty, sourcePos, targetPos } = floatingEdgeParams(sourceNode, targetNode);
  const [path, labelX, labelY] = getBezierPath({ sourceX: sx, sourceY: sy, sourcePosition: sourcePos, targetX: tx, targetY: ty, targetPosition: targetPos });
  const async = edge.mode === 'async';
  // Sync is the default: its switch shows only on labelled or selected edges, to keep the diagram quiet.
  const showMode = async || selected || edge.label !== '' || editing;
  // A switch that appears only on selection sits just below the edge, not under the pointer
  // that selected it (the second click of a double-click would otherwise toggle it).
  const onPath = async || edge.label !== '';
  const length = Math.hypot(tx - sx, ty - sy) || 1;
  const ux = ((tx - sx) / length) * GRIP_OFFSET;
  const uy = ((ty - sy) / length) * GRIP_OFFSET;
  return (
    <>
      {/* The ends by id, for tests and tools: the accessible name gives the components' names instead. */}
      <g data-source={source} data-target={target} />
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`design-edge${async ? ' async' : ''}${selected ? ' selected' : ''}`} interactionWidth={18} />
      {selected && writable && (
        <>
          <Grip edgeId={id} end="source" x={sx + ux} y={sy + uy} />
          <Grip edgeId={id} end="target" x={tx - ux} y={ty - uy} />
        </>
      )}
      <EdgeLabelRenderer>
        <div
          className={`edge-label nodrag nopan${selected ? ' selected' : ''}${edge.label || editing ? ' has-text' : ''}`}
          hidden={!showMode && !edge.label}
          style={{ transform: `${onPath ? 'translate(-50%, -50%)' : 'translate(-50%, 10px)'} translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-${id}`}
          onDoubleClick={() => writable && startEditing({ type: 'edge', id })}
        >
          {editing ? (
            <LabelInput
              initial={edge.label}
              ariaLabel="Connection label"
              placeholder="e.g. POST /urls"
              onDone={(value) => {
                if (value !== null) setEdgeLabel(id, value);
                startEditing(null);
              }}
            />
          ) : (
            edge.label && <span className="edge-label-text">{edge.label}</span>
          )}
          {!showMode ? null : writable ? (
            <button
              type="button"
              className={`edge-mode ${edge.mode}`}
              onClick={() => toggleEdgeMode(id)}
              aria-label={`${async ? 'Asynchronous' : 'Synchronous'} call; switch to ${async ? 'synchronous' : 'asynchronous'}`}
              title="Switch between synchronous and asynchronous"
            >
              {edge.mode}
            </button>
          ) : (
            <span className={`edge-mode ${edge.mode}`}>{edge.mode}</span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
