import { useReactFlow } from '@xyflow/react';
import { useState, type FormEvent } from 'react';
import { putComment, type BoardComment, type Role } from '../../../core/src';
import { useBoard } from '../board/BoardContext';
import { selectOnly, selectedNodeIds, useBoardStore } from '../store/board';
import { usePresenceStore } from '../store/presence';
import { useSessionClosed } from '../session/closed';
import { canWrite } from '../session/role';
import { newId } from '../store/ids';
import { LOCAL_ORIGIN } from '../sync/origins';
import './comments.css';

/** Comments on the board or pinned to a node; observers read only. */
export function CommentsPanel({ comments, role, onClose }: { comments: BoardComment[]; role: Role | null; onClose: () => void }) {
  const { doc } = useBoard();
  const nodes = useBoardStore((s) => s.nodes);
  const selected = useBoardStore((s) => {
    const ids = selectedNodeIds(s);
    return ids.length === 1 ? ids[0] : null;
  });
  const selfName = usePresenceStore((s) => s.people.find((p) => p.self)?.name ?? 'Someone');
  const { setCenter, getInternalNode } = useReactFlow();
  const [text, setText] = useState('');
  const closed = useSessionClosed();
  const writable = canWrite(role) && !closed;
  const labelOf = (id: string) => nodes.get(id)?.label || id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || !role) return;
    const comment: BoardComment = {
      id: newId('c'),
      target: selected ?? 'board',
      author: selfName.slice(0, 80),
      role,
      text: trimmed.slice(0, 4000),
      createdAt: Date.now(),
      resolved: false,
    };
    doc.transact(() => putComment(doc, comment), LOCAL_ORIGIN);
    setText('');
  };

  const toggle = (comment: BoardComment) =>
    doc.transact(() => putComment(doc, { ...comment, resolved: !comment.resolved }), LOCAL_ORIGIN);

  const focusNode = (id: string) => {
    if (!nodes.has(id)) return;
    selectOnly([id]);
    const internal = getInternalNode(id);
    if (internal) {
      const { x, y } = internal.internals.positionAbsolute;
      const w = internal.measured.width ?? 0;
      const h = internal.measured.height ?? 0;
      void setCenter(x + w / 2, y + h / 2, { duration: 200 });
    }
  };

  return (
    <aside className="comments-panel" aria-label="Comments" data-testid="comments-panel">
      <header className="comments-head">
        <h2>Comments</h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close comments">
          ×
        </button>
      </header>
      <ul className="comments-list">
        {comments.length === 0 && <li className="muted">No comments yet.</li>}
        {comments.map((c) => (
          <li key={c.id} className={`comment${c.resolved ? ' resolved' : ''}${selected !== null && c.target === selected ? ' on-selected' : ''}`} data-testid="comment" data-resolved={c.resolved}>
            <div className="comment-meta">
              <strong>{c.author}</strong> <span className={`comment-role role-${c.role}`}>{c.role}</span>{' '}
              <time dateTime={new Date(c.createdAt).toISOString()}>{new Date(c.createdAt).toLocaleTimeString()}</time>
            </div>
            {c.target !== 'board' && (
              <button type="button" className="comment-target" onClick={() => focusNode(c.target)}>
                on {labelOf(c.target)}
              </button>
            )}
            <p className={c.resolved ? 'comment-text comment-collapsed' : 'comment-text'} title={c.resolved ? c.text : undefined}>
              {c.text}
            </p>
            {writable && (
              <button type="button" className="button small" onClick={() => toggle(c)}>
                {c.resolved ? 'Reopen' : 'Resolve'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <form className="comment-form" onSubmit={submit}>
          {selected && <div className="muted">on {labelOf(selected)}</div>}
          <textarea
            aria-label="New comment"
            value={text}
            maxLength={4000}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) submit(e);
              e.stopPropagation();
            }}
          />
          <button type="submit" className="button small primary" disabled={!text.trim()}>
            Comment
          </button>
        </form>
      )}
    </aside>
  );
}
