import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { may } from '../../../core/src';
import { useRole } from '../session/role';
import { navigate } from '../session/navigation';
import { tokenFragment } from '../session/token';
import { useConnectionStore } from '../store/connection';
import { useInterviewStore } from '../store/interview';
import { EndSession } from './EndSession';
import { InterviewerPanel } from './InterviewerPanel';
import { NotesTab } from './NotesTab';
import { QuestionsList } from './QuestionsList';
import { RubricTab } from './RubricTab';
import { TimerBar } from './TimerBar';
import './interview.css';

// Only solo candidates download the practice coach.
const PracticePanel = lazy(() => import('../practice/PracticePanel').then((m) => ({ default: m.PracticePanel })));

/** The interview around the board: a bar under the top bar (timer, panel toggle, end) and a side drawer. */
export function InterviewDock({ sessionId, token }: { sessionId: string; token: string }) {
  const role = useRole(sessionId);
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  const interview = useInterviewStore((s) => s.interview);
  const questions = useInterviewStore((s) => s.questions);
  const priv = useInterviewStore((s) => s.private);
  const practising = mode === 'solo' && role === 'candidate';
  const [open, setOpen] = useState(role === 'interviewer');

  // A new question opens the candidate's drawer, so it is not missed.
  const unanswered = questions.filter((q) => q.answer === null).length;
  const seen = useRef(unanswered);
  useEffect(() => {
    if (role === 'candidate' && unanswered > seen.current) setOpen(true);
    seen.current = unanswered;
  }, [role, unanswered]);
  useEffect(() => {
    // The coach opens by itself only where the canvas keeps a usable width beside it.
    if (role === 'interviewer' || (practising && window.innerWidth >= 1200)) setOpen(true);
  }, [role, practising]);

  if (!interview || !role) return <div className="iv-bar" />;
  const closed = interview.closedAt !== null;
  const keepsTime = may(role, 'timer.control', { mode: mode ?? 'live' });
  const summary = `/s/${sessionId}/summary#${tokenFragment(token)}`;

  return (
    <>
      <div className="iv-bar" data-testid="interview-bar">
        <TimerBar interview={interview} canControl={keepsTime} />
        <div className="iv-bar-end">
          {closed ? (
            <a
              className="iv-ended"
              href={summary}
              data-testid="session-ended"
              onClick={(e) => {
                e.preventDefault();
                navigate(summary);
              }}
            >
              Session ended — view summary
            </a>
          ) : (
            keepsTime && <EndSession sessionId={sessionId} token={token} />
          )}
          <button type="button" className="button small" aria-expanded={open} aria-controls="iv-drawer" onClick={() => setOpen((v) => !v)}>
            {role === 'interviewer' ? 'Interview panel' : practising ? 'Coach' : 'Questions'}
            {role === 'candidate' && unanswered > 0 && <span className="iv-badge">{unanswered}</span>}
          </button>
        </div>
      </div>
      {open && (
        <aside className="iv-drawer" id="iv-drawer" aria-label={role === 'interviewer' ? 'Interview panel' : practising ? 'Practice coach' : 'Questions'}>
          {role === 'interviewer' ? (
            <InterviewerPanel sessionId={sessionId} token={token} questions={questions} priv={priv} shared={interview.shareWithObservers} closed={closed} />
          ) : practising ? (
            <Suspense fallback={<p className="muted">Loading the coach…</p>}>
              <PracticePanel sessionId={sessionId} token={token} />
            </Suspense>
          ) : (
            <div className="iv-panel-inner">
              <h2 className="iv-drawer-title">Questions</h2>
              <div className="iv-tabpanel">
                <QuestionsList questions={questions} answering={role === 'candidate'} closed={closed} />
                {role === 'observer' && priv && (
                  <>
                    <section>
                      <h3 className="panel-heading">Interviewer notes (shared)</h3>
                      <NotesTab notes={priv.notes} readOnly />
                    </section>
                    <section data-testid="shared-scores">
                      <h3 className="panel-heading">Interviewer scores (shared)</h3>
                      <RubricTab sessionId={sessionId} token={token} scores={priv.scores} readOnly />
                    </section>
                  </>
                )}
              </div>
            </div>
          )}
        </aside>
      )}
    </>
  );
}
