import { useState } from 'react';
import { INTERVIEW_EVENTS, type Question } from '../../../core/src';
import { itemTitle, timeOfDay } from './format';
import { useSend } from './useSend';

/**
 * The question queue. `answering`: the candidate sees a textarea and Send under each open
 * question; everyone else sees the queue read-only, answers as they arrive.
 */
export function QuestionsList({ questions, answering, closed }: { questions: Question[]; answering: boolean; closed: boolean }) {
  if (questions.length === 0) return <p className="muted iv-empty">No questions yet.</p>;
  return (
    <ol className="iv-questions" data-testid="questions">
      {questions.map((q) => (
        <li key={q.id} className="iv-question" data-testid="question" data-answered={q.answer !== null}>
          <div className="iv-question-head">
            <span className="iv-time">{timeOfDay(q.askedAt)}</span>
            {q.item && <span className="chip iv-item">{itemTitle(q.item)}</span>}
          </div>
          <p className="iv-question-text">{q.text}</p>
          {q.answer !== null ? (
            <div className="iv-answer" data-testid="answer">
              <span className="iv-answer-label">Answer</span>
              <p>{q.answer}</p>
            </div>
          ) : answering && !closed ? (
            <AnswerForm id={q.id} />
          ) : (
            <p className="muted iv-waiting">{closed ? 'Not answered.' : 'Waiting for an answer…'}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function AnswerForm({ id }: { id: number }) {
  const [text, setText] = useState('');
  const { send, error, busy } = useSend();
  return (
    <form
      className="iv-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void send(INTERVIEW_EVENTS.answer, { id, text }).then((ok) => ok && setText(''));
      }}
    >
      <textarea aria-label="Your answer" placeholder="Type your answer" rows={3} value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      <div className="iv-form-row">
        {error && (
          <span className="iv-error" role="alert">
            {error}
          </span>
        )}
        <button type="submit" className="button small primary" disabled={busy || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
