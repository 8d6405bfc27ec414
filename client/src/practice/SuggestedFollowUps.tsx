import { useEffect, useRef, useState } from 'react';
import { INTERVIEW_EVENTS, type Question } from '../../../core/src';
import { itemTitle, timeOfDay } from '../interview/format';
import { useSend } from '../interview/useSend';
import { usePracticeStore } from './practice-store';
import './practice.css';

/**
 * The AI reviewer's suggestions for the interviewer only: the questions the board calls for
 * now, refreshed as it changes; one click puts one in the candidate's queue.
 */
export function SuggestedFollowUps({ questions, closed }: { questions: Question[]; closed: boolean }) {
  const latest = usePracticeStore((s) => s.suggested);
  // The list follows the board about once a second while the candidate works; while the
  // interviewer's pointer or focus is in it, it holds still so a click lands where aimed.
  // (`:hover` rather than pointerleave: a button that turns disabled under the pointer ends
  // the pointer's boundary events in Chromium, though the pointer has not moved.)
  const section = useRef<HTMLElement>(null);
  const [suggested, setShown] = useState(latest);
  useEffect(() => {
    if (latest === suggested) return;
    const inUse = () => {
      const el = section.current;
      return el !== null && (el.matches(':hover') || el.contains(document.activeElement));
    };
    if (!inUse()) {
      setShown(latest);
      return;
    }
    const timer = setInterval(() => {
      if (inUse()) return;
      clearInterval(timer);
      setShown(latest);
    }, 250);
    return () => clearInterval(timer);
  }, [latest, suggested]);
  const { send, error, busy } = useSend();
  const asked = new Set(questions.map((q) => q.text.trim()));
  return (
    <section
      className="pr-suggested"
      data-testid="suggested-follow-ups"
      aria-label="Suggested by the AI reviewer"
      ref={section}
    >
      <h3 className="panel-heading">Suggested by the AI reviewer{suggested ? ` · ${timeOfDay(suggested.at)}` : ''}</h3>
      {!suggested ? (
        <p className="muted">The AI reviewer suggests questions here as the board takes shape. The candidate does not see them.</p>
      ) : suggested.followUps.length === 0 ? (
        <p className="muted">Nothing to ask about right now.</p>
      ) : (
        <ul>
          {suggested.followUps.map((f) => {
            const sent = asked.has(f.question.trim());
            return (
              <li key={`${f.item}:${f.question}`} data-testid="suggested-follow-up">
                <div className="iv-question-head">
                  <span className="chip iv-item">{itemTitle(f.item)}</span>
                  <button type="button" className="button small" disabled={busy || closed || sent} aria-label={`Ask: ${f.question}`} onClick={() => void send(INTERVIEW_EVENTS.ask, { text: f.question, item: f.item })}>
                    {sent ? 'Asked' : 'Ask'}
                  </button>
                </div>
                <p className="iv-question-text">{f.question}</p>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
