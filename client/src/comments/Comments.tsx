import { useBoard } from '../board/BoardContext';
import { selectRole, useConnectionStore } from '../store/connection';
import { setCommentsOpen, useCommentsUi } from './comments-ui';
import { CommentsPanel } from './CommentsPanel';
import { useComments } from './useComments';

/** The "Comments" toggle (with how many are open) and, while open, the comments panel. */
export function Comments() {
  const role = useConnectionStore(selectRole);
  const open = useCommentsUi((s) => s.open);
  const { doc } = useBoard();
  const comments = useComments(doc);
  const unresolved = comments.filter((c) => !c.resolved).length;
  return open ? (
    <CommentsPanel comments={comments} role={role} onClose={() => setCommentsOpen(false)} />
  ) : (
    <button
      type="button"
      className="button small comments-toggle"
      aria-expanded={false}
      aria-label={unresolved > 0 ? `Comments, ${unresolved} open` : 'Comments'}
      onClick={() => setCommentsOpen(true)}
    >
      Comments
      {unresolved > 0 && <span className="comments-count">{unresolved}</span>}
    </button>
  );
}
