import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { geometry, useBoardStore } from '../../store/board';

/**
 * Other people's drags in progress: a dashed ghost of the node, in the dragger's colour, where
 * they are dragging it. The node itself moves when their drop is written to the document.
 */
export const RemoteDrags = memo(function RemoteDrags() {
  const drags = useBoardStore((s) => s.remoteDrags);
  const ids = Object.keys(drags);
  if (ids.length === 0) return null;
  const s = useBoardStore.getState();
  const geo = geometry(s);
  return (
    <ViewportPortal>
      {ids.map((id) => {
        const drag = drags[id];
        const node = s.nodes.get(id);
        if (!drag || !node) return null;
        const parent = geo.parentOf(id);
        const origin = parent ? (geo.absolute(parent) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
        const { width, height } = geo.size(id);
        return (
          <div
            key={id}
            className="remote-ghost"
            style={{ transform: `translate(${origin.x + drag.x}px, ${origin.y + drag.y}px)`, width, height, borderColor: drag.color }}
            aria-hidden="true"
          >
            <span className="remote-tag" style={{ background: drag.color }}>
              {drag.name} is moving {node.label || 'a component'}
            </span>
          </div>
        );
      })}
    </ViewportPortal>
  );
});
