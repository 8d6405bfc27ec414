import { useState } from 'react';
import { INTERVIEW_EVENTS, type PrivateNote } from '../../../core/src';
import { timeOfDay } from './format';
import { useSend } from './useSend';

/** Private, timestamped notes: newest first. The form says who can read them, so nobody mistakes them for the candidate's notes. */
export function NotesTab({ notes, readOnly }: { notes: PrivateNote[]; readOnly: boolean }) {
  const [text, setText] = useState('');
  const { send, error, busy } = useSend();
  return (
    <div className="iv-tab-body">
      {!readOnly && (
        <p className="muted iv-private-hint" data-testid="private-hint">
          Private: only interviewers see these (and observers, if you share). They go into your summary, never the candidate's.
        </p>
      )}
      {!readOnly && (
        <form
          className="iv-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send(INTERVIEW_EVENTS.note, { text }).then((ok) => ok && setText(''));
          }}
        >
          <textarea aria-label="New note" rows={3} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />
          <div className="iv-form-row">
            {error && (
              <span className="iv-error" role="alert">
                {error}
              </span>
            )}
            <button type="submit" className="button small primary" disabled={busy || !text.trim()}>
              Save note
            </button>
          </div>
        </form>
      )}
      {notes.length === 0 ? (
        <p className="muted iv-empty">No notes yet.</p>
      ) : (
        <ul className="iv-notes" data-testid="notes">
          {[...notes].reverse().map((n) => (
            <li key={n.id}>
              <span className="iv-time">{timeOfDay(n.at)}</span>
              <p>{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
