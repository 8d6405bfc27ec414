import { useSessionClosed } from '../../session/closed';
import { useConnectionStore } from '../../store/connection';
import { listUndone, REFUSAL_TEXT } from './refusal-text';
import './notices.css';

/**
 * What the board must tell everyone at once, under the top bar: that the round has ended and
 * the board only reads, and that an edit was refused by the server and undone here — what,
 * why, and what to do — until dismissed.
 */
export function BoardNotices() {
  const closed = useSessionClosed();
  const refusal = useConnectionStore((s) => s.refusal);
  const dismiss = useConnectionStore((s) => s.dismissRefusal);
  const text = refusal ? (REFUSAL_TEXT[refusal.error.code] ?? { why: refusal.error.message, todo: 'Reload the page and try again.' }) : null;
  // After the end, "the round has ended" already says why; a refusal notice adds what was undone.
  if (!closed && !(refusal && text)) return null;
  return (
    <div className="board-notices">
      {closed && (
        <div className="board-notice read-only-banner" role="status" data-testid="read-only-banner">
          <strong>This round has ended.</strong> The board is read-only: what you see is what was saved.
        </div>
      )}
      {refusal && text && (
        <div className="board-notice refusal-notice" role="alert" data-testid="refusal-notice" data-code={refusal.error.code}>
          <div>
            <strong>Not saved: {listUndone(refusal.undone)}.</strong> {text.why} It has been undone on this screen, so your board matches
            the saved one. {text.todo}
          </div>
          <button type="button" className="button small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
