import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { renameNode } from '../../store/board-actions';
import { startEditing, useBoardStore } from '../../store/board';
import type { DesignNode } from '../../store/board-flow';
import { KindIcon } from '../KindIcon';
import { Handles } from './ComponentNode';
import { LabelInput } from './LabelInput';

/**
 * A group (region, availability zone, service boundary): a React Flow parent node whose
 * children are positioned relative to it. Writers resize it when it is selected.
 */
export const AreaNode = memo(function AreaNode({ id, data, selected }: NodeProps<DesignNode>) {
  const { node, remote } = data;
  const editing = useBoardStore((s) => s.editing?.type === 'node' && s.editing.id === id);
  const writable = useBoardStore((s) => s.writable);
  const style = remote ? ({ '--remote-color': remote.color } as CSSProperties) : undefined;
  return (
    <div className={`area-node${selected ? ' selected' : ''}${remote ? ' remote-drag' : ''}`} data-testid={`node-${id}`} data-kind="group" style={style}>
      <NodeResizer isVisible={selected && writable} minWidth={160} minHeight={100} lineClassName="area-resize-line" handleClassName="area-resize-handle" />
      <Handles connectable={writable} />
      <div className="area-title">
        <KindIcon kind="group" size={14} />
        {editing ? (
          <LabelInput
            initial={node.label}
            ariaLabel="Group name"
            onDone={(value) => {
              if (value !== null) renameNode(id, value);
              startEditing(null);
            }}
          />
        ) : (
          <span className="design-node-label">{node.label || 'Group'}</span>
        )}
      </div>
    </div>
  );
});
