import { useStore, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useBoard } from '../board/BoardContext';
import { geometry, selectOnly, useBoardStore } from '../store/board';
import { setCommentsOpen } from './comments-ui';
import { useComments } from './useComments';

/**
 * A speech-bubble pin at the top-right corner of every node with open comments, with their
 * count; clicking it selects the node and opens the comments. Drawn over the canvas, so a new
 * comment never re-renders the nodes, and kept at screen size at any zoom.
 */
export const CommentPins = memo(function CommentPins() {
  const { doc } = useBoard();
  const comments = useComments(doc);
  // Pins follow their nodes when they move or resize.
  useBoardStore((s) => s.flowNodes);
  const zoom = useStore((s) => s.transform[2]);
  const counts = new Map<string, number>();
  for (const c of comments) if (!c.resolved && c.target !== 'board') counts.set(c.target, (counts.get(c.target) ?? 0) + 1);
  if (counts.size === 0) return null;
  const geo = geometry();
  return (
    <ViewportPortal>
      {[...counts].map(([id, count]) => {
        const at = geo.absolute(id);
        if (!at) return null;
        const { width } = geo.size(id);
        const label = useBoardStore.getState().nodes.get(id)?.label || 'this component';
        return (
          <button
            key={id}
            type="button"
            className="comment-pin"
            data-testid="comment-pin"
            data-node-id={id}
            style={{ transform: `translate(${at.x + width}px, ${at.y}px) scale(${1 / zoom}) translate(-50%, -50%)` }}
            aria-label={`${count} open ${count === 1 ? 'comment' : 'comments'} on ${label}`}
            title={`${count} open ${count === 1 ? 'comment' : 'comments'}`}
            onClick={() => {
              selectOnly([id]);
              setCommentsOpen(true);
            }}
          >
            {count}
          </button>
        );
      })}
    </ViewportPortal>
  );
});
