import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { geometry, useBoardStore } from '../../store/board';
import { usePresenceStore } from '../../store/presence';

const OUTLINE_GAP = 4;

/**
 * What the others have selected: an outline in each person's colour around their selected
 * nodes, drawn over the canvas so that a remote selection never re-renders the nodes.
 */
export const RemoteSelections = memo(function RemoteSelections() {
  const selections = usePresenceStore((s) => s.selections);
  // Outlines follow the nodes when they move or resize.
  useBoardStore((s) => s.flowNodes);
  if (selections.length === 0) return null;
  const geo = geometry();
  return (
    <ViewportPortal>
      {selections.flatMap((selection) =>
        selection.ids.map((id, index) => {
          const at = geo.absolute(id);
          if (!at) return null;
          const { width, height } = geo.size(id);
          return (
            <div
              key={`${selection.clientId}:${id}`}
              className="remote-selection"
              data-testid="remote-selection"
              data-node-id={id}
              data-person={selection.name}
              style={{
                transform: `translate(${at.x - OUTLINE_GAP}px, ${at.y - OUTLINE_GAP}px)`,
                width: width + 2 * OUTLINE_GAP,
                height: height + 2 * OUTLINE_GAP,
                borderColor: selection.color,
              }}
              aria-hidden="true"
            >
              {index === 0 && (
                <span className="remote-selection-name" style={{ background: selection.color }}>
                  {selection.name}
                </span>
              )}
            </div>
          );
        }),
      )}
    </ViewportPortal>
  );
});
