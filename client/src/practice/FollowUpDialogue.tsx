import { useState } from 'react';
import { itemTitle } from '../interview/format';
import { nextFollowUp, openFollowUps, type Asked } from './dialogue';
import type { PracticeSession } from './usePractice';

/**
 * The reviewer's questions after a critique, one at a time, weakest item first. An answer is
 * stored on the server and judged by the next critique; a skipped question is not asked again
 * in this page.
 */
export function FollowUpDialogue({ practice }: { practice: PracticeSession }) {
  const [skipped, setSkipped] = useState<Asked[]>([]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const latest = practice.critiques[practice.critiques.length - 1]?.review;
  if (!latest) return null;
  const done = [...practice.answers, ...skipped];
  const next = nextFollowUp(latest, done);
  const left = openFollowUps(latest, done);
  const answeredSince = practice.answers.filter((a) => a.createdAt > (practice.critiques[practice.critiques.length - 1]?.at ?? 0)).length;

  return (
    <section className="pr-dialogue" aria-label="Follow-up questions" data-testid="dialogue">
      <h3 className="panel-heading">The reviewer asks</h3>
      {next ? (
        <form
          className="iv-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim() || sending) return;
            setSending(true);
            void practice.answer({ item: next.item, question: next.question, text: text.trim() }).then((ok) => {
              setSending(false);
              if (ok) setText('');
            });
          }}
        >
          <p className="pr-question" data-testid="dialogue-question" data-item={next.item}>
            <span className="chip iv-item">{itemTitle(next.item)}</span> {next.question}
          </p>
          <textarea aria-label="Your answer to the reviewer" placeholder="Answer as you would out loud: what, why, and the numbers" rows={4} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="iv-form-row">
            <span className="muted">{left > 1 ? `${left - 1} more after this` : 'Last question'}</span>
            <button type="button" className="button small" disabled={sending} onClick={() => setSkipped((s) => [...s, next])}>
              Skip
            </button>
            <button type="submit" className="button small primary" disabled={sending || !text.trim()} data-testid="dialogue-send">
              Answer
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">No questions left for this critique.</p>
      )}
      {answeredSince > 0 && (
        <p className="pr-nudge" data-testid="dialogue-nudge">
          {answeredSince === 1 ? 'One answer' : `${answeredSince} answers`} since the last critique: get a critique again to see what they earned.
        </p>
      )}
      {practice.answers.length > 0 && (
        <details className="pr-answers">
          <summary>Your answers ({practice.answers.length})</summary>
          <ol>
            {practice.answers.map((a) => (
              <li key={a.id} data-testid="given-answer">
                <p className="pr-question">
                  <span className="chip iv-item">{itemTitle(a.item)}</span> {a.question}
                </p>
                <p className="pr-answer-text">{a.text}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
