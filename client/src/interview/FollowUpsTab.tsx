import { useEffect, useState } from 'react';
import { INTERVIEW_EVENTS, RUBRIC_ITEM_IDS, type Question } from '../../../core/src';
import { CurveballSender } from '../practice/CurveballSender';
import { SuggestedFollowUps } from '../practice/SuggestedFollowUps';
import { sessionApi, type FollowUp } from './api';
import { itemTitle } from './format';
import { QuestionsList } from './QuestionsList';
import { useSend } from './useSend';

/** The interviewer's Questions tab: the prompt's follow-ups, a free question, and the queue with answers. */
export function FollowUpsTab({ sessionId, token, questions, closed }: { sessionId: string; token: string; questions: Question[]; closed: boolean }) {
  const [followUps, setFollowUps] = useState<FollowUp[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [item, setItem] = useState('');
  const { send, error, busy } = useSend();

  useEffect(() => {
    let live = true;
    sessionApi<{ followUps?: FollowUp[] }>(sessionId, token, '/prompt')
      .then((p) => live && setFollowUps(p.followUps ?? []))
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, token]);

  const asked = new Set(questions.map((q) => q.text));
  const ask = (question: string, rubricItem: string | null) => send(INTERVIEW_EVENTS.ask, { text: question, item: rubricItem });

  return (
    <div className="iv-tab-body">
      <SuggestedFollowUps questions={questions} closed={closed} />
      <section>
        <h3 className="panel-heading">Follow-ups from the prompt</h3>
        {loadError && <p className="iv-error">{loadError}</p>}
        {!followUps && !loadError && <p className="muted">Loading…</p>}
        <ul className="iv-followups">
          {followUps?.map((f) => (
            <li key={f.id} data-testid="follow-up">
              <div className="iv-question-head">
                <span className="chip iv-item">{itemTitle(f.item)}</span>
                <button
                  type="button"
                  className="button small"
                  disabled={busy || closed || asked.has(f.question)}
                  aria-label={`Send: ${f.question}`}
                  onClick={() => void ask(f.question, f.item)}
                >
                  {asked.has(f.question) ? 'Sent' : 'Send'}
                </button>
              </div>
              <p className="iv-question-text">{f.question}</p>
              <details>
                <summary>What a good answer mentions</summary>
                <ul>
                  {f.points.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </section>
      <form
        className="iv-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void ask(text, item || null).then((ok) => ok && setText(''));
        }}
      >
        <h3 className="panel-heading">Your own question</h3>
        <textarea aria-label="Question text" rows={2} value={text} maxLength={2000} disabled={closed} onChange={(e) => setText(e.target.value)} />
        <div className="iv-form-row">
          <select aria-label="Rubric item" value={item} disabled={closed} onChange={(e) => setItem(e.target.value)}>
            <option value="">No rubric item</option>
            {RUBRIC_ITEM_IDS.map((id) => (
              <option key={id} value={id}>
                {itemTitle(id)}
              </option>
            ))}
          </select>
          <button type="submit" className="button small primary" disabled={busy || closed || !text.trim()}>
            Ask
          </button>
        </div>
        {error && (
          <p className="iv-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <CurveballSender sessionId={sessionId} token={token} closed={closed} />
      <section>
        <h3 className="panel-heading">Asked ({questions.length})</h3>
        <QuestionsList questions={questions} answering={false} closed={closed} />
      </section>
    </div>
  );
}
