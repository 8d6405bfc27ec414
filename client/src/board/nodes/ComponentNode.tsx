import { Handle, Position, useConnection, useNodeId, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { NODE_KIND_LABELS, type NodeKind } from '../../../../core/src';
import { renameNode } from '../../store/board-actions';
import { startEditing, useBoardStore } from '../../store/board';
import type { DesignNode } from '../../store/board-flow';
import { shownProps } from '../kind-props';
import { KindIcon } from '../KindIcon';
import { LabelInput } from './LabelInput';

/** Colour families of the kinds, so a board reads at a glance (see styles.css). */
const FAMILY: Record<NodeKind, string> = {
  client: 'edge',
  dns: 'edge',
  cdn: 'edge',
  'load-balancer': 'edge',
  'api-gateway': 'edge',
  'rate-limiter': 'edge',
  service: 'compute',
  worker: 'compute',
  scheduler: 'compute',
  database: 'storage',
  cache: 'storage',
  'object-storage': 'storage',
  search: 'storage',
  queue: 'messaging',
  stream: 'messaging',
  external: 'external',
  note: 'note',
  group: 'group',
  other: 'external',
};

const SIDES = [
  ['t', Position.Top],
  ['r', Position.Right],
  ['b', Position.Bottom],
  ['l', Position.Left],
] as const;

/**
 * Connection handles on all four sides; with ConnectionMode.Loose any handle connects to any other.
 * While a connection is being drawn from another node, the whole body is a drop target too, so
 * the line need not land on a 9 px dot (React Flow takes the handle under the pointer first).
 */
export function Handles({ connectable }: { connectable: boolean }) {
  const nodeId = useNodeId();
  const dropTarget = useConnection((c) => c.inProgress && c.fromNode.id !== nodeId);
  return (
    <>
      {SIDES.map(([id, position]) => (
        <Handle key={id} id={id} type="source" position={position} isConnectable={connectable} className="node-handle" />
      ))}
      {connectable && dropTarget && (
        <Handle id="body" type="target" position={Position.Top} isConnectableStart={false} className="node-body-target" />
      )}
    </>
  );
}

/** A component on the board: kind icon, label (editable in place), kind and a notes preview. */
export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<DesignNode>) {
  const { node, remote } = data;
  const editing = useBoardStore((s) => s.editing?.type === 'node' && s.editing.id === id);
  const writable = useBoardStore((s) => s.writable);
  const style = remote ? ({ '--remote-color': remote.color } as CSSProperties) : undefined;
  const notes = node.notes.trim();
  return (
    <div
      className={`design-node family-${FAMILY[node.kind]}${selected ? ' selected' : ''}${remote ? ' remote-drag' : ''}`}
      data-testid={`node-${id}`}
      data-kind={node.kind}
      style={style}
    >
      <Handles connectable={writable} />
      <span className="design-node-icon">
        <KindIcon kind={node.kind} size={20} />
      </span>
      <span className="design-node-text">
        {editing ? (
          <LabelInput
            initial={node.label}
            ariaLabel="Component name"
            multiline={node.kind === 'note'}
            onDone={(value) => {
              if (value !== null) renameNode(id, value);
              startEditing(null);
            }}
          />
        ) : (
          <span className="design-node-label" title={node.label}>
            {node.label || NODE_KIND_LABELS[node.kind]}
          </span>
        )}
        {node.kind !== 'note' && node.label !== NODE_KIND_LABELS[node.kind] && (
          <span className="design-node-kind">{NODE_KIND_LABELS[node.kind]}</span>
        )}
        {shownProps(node.kind, node.props).length > 0 && (
          <span className="design-node-props" data-testid="node-props">
            {shownProps(node.kind, node.props).join(' · ')}
          </span>
        )}
        {notes && <span className="design-node-notes">{notes.length > 80 ? `${notes.slice(0, 80)}…` : notes}</span>}
      </span>
    </div>
  );
});
