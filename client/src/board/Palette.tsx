import { useStoreApi } from '@xyflow/react';
import { memo, type DragEvent } from 'react';
import { NODE_KIND_LABELS, NODE_KINDS, type NodeKind } from '../../../core/src';
import { addNode } from '../store/board-actions';
import { setPaletteCompact } from '../store/board-ui';
import { KindIcon } from './KindIcon';

export const PALETTE_MIME = 'application/x-designroom-kind';

const SHORT_LABELS: Partial<Record<NodeKind, string>> = {
  external: 'External',
  group: 'Group',
  'object-storage': 'Object store',
  'load-balancer': 'Load balancer',
};

/** Component kinds to add: click for the middle of the view, or drag onto the canvas. Compact: icons only. */
export const Palette = memo(function Palette({ compact }: { compact: boolean }) {
  const flow = useStoreApi();

  const addAtCentre = (kind: NodeKind) => {
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const centre = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
    addNode(kind, centre, { stagger: true });
  };

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className={compact ? 'palette compact' : 'palette'} aria-label="Components">
      <div className="palette-head">
        {!compact && <h2 className="panel-heading">Components</h2>}
        <button
          type="button"
          className="palette-fold"
          onClick={() => setPaletteCompact(!compact)}
          aria-label={compact ? 'Show component names' : 'Icons only'}
          title={compact ? 'Show component names' : 'Icons only, for a wider canvas'}
        >
          {compact ? '»' : '«'}
        </button>
      </div>
      <ul className="palette-grid">
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="palette-item"
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addAtCentre(kind)}
              aria-label={`Add ${NODE_KIND_LABELS[kind].toLowerCase()}`}
              title={`${NODE_KIND_LABELS[kind]}: click to add, or drag onto the canvas`}
              data-testid={`palette-${kind}`}
            >
              <KindIcon kind={kind} size={20} />
              {!compact && <span>{SHORT_LABELS[kind] ?? NODE_KIND_LABELS[kind]}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
