import { BaseEdge, EdgeLabelRenderer, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { setEdgeLabel, toggleEdgeMode } from '../../store/board-actions';
import { startEditing, useBoardStore } from '../../store/board';
import type { DesignEdge } from '../../store/board-flow';
import { LabelInput } from '../nodes/LabelInput';
import { floatingEdgeParams } from './floating';

/**
 * A call between two components: solid for synchronous, dashed for asynchronous, with its
 * label and a sync/async switch at the middle. Double-click the label to edit it.
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
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`design-edge${async ? ' async' : ''}${selected ? ' selected' : ''}`} interactionWidth={18} />
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
