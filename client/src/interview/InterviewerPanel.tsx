import { useState } from 'react';
import { INTERVIEW_EVENTS, type PrivateInterview, type Question } from '../../../core/src';
import { Checklist } from '../practice/Checklist';
import { FollowUpsTab } from './FollowUpsTab';
import { NotesTab } from './NotesTab';
import { RubricTab } from './RubricTab';
import { useSend } from './useSend';

type Tab = 'questions' | 'rubric' | 'notes';
const TABS: { id: Tab; title: string }[] = [
  { id: 'questions', title: 'Questions' },
  { id: 'rubric', title: 'Rubric' },
  { id: 'notes', title: 'Private notes' },
];

/** The interviewer's side panel: follow-ups, rubric scores, private notes, sharing with observers. */
export function InterviewerPanel(props: {
  sessionId: string;
  token: string;
  questions: Question[];
  priv: PrivateInterview | null;
  shared: boolean;
  closed: boolean;
}) {
  const { sessionId, token, questions, priv, shared, closed } = props;
  const [tab, setTab] = useState<Tab>('questions');
  const { send, error } = useSend();
  return (
    <div className="iv-panel-inner">
      <div className="iv-tabs" role="tablist" aria-label="Interviewer tools">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`iv-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="iv-tabpanel"
            className={tab === t.id ? 'active' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.title}
          </button>
        ))}
      </div>
      <label className="iv-share">
        <input type="checkbox" checked={shared} onChange={(e) => void send(INTERVIEW_EVENTS.share, { share: e.target.checked })} />
        Share notes and scores with observers
      </label>
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
      <div className="iv-tabpanel" id="iv-tabpanel" role="tabpanel" aria-labelledby={`iv-tab-${tab}`}>
        {tab === 'questions' && <FollowUpsTab sessionId={sessionId} token={token} questions={questions} closed={closed} />}
        {tab === 'rubric' && (priv ? <RubricTab sessionId={sessionId} token={token} scores={priv.scores} readOnly={false} /> : <p className="muted">Loading…</p>)}
        {tab === 'rubric' && (
          <section className="pr-live-checklist" aria-label="The AI reviewer's live checklist">
            <h3 className="panel-heading">AI reviewer's live reading</h3>
            <Checklist />
          </section>
        )}
        {tab === 'notes' && (priv ? <NotesTab notes={priv.notes} readOnly={false} /> : <p className="muted">Loading…</p>)}
      </div>
    </div>
  );
}
