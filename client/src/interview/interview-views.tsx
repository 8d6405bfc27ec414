import { lazy, Suspense, useEffect, useRef } from 'react';
import type { DockView } from '../layout/SideDock';
import { revealView } from '../layout/dock-store';
import { useRole } from '../session/role';
import { useConnectionStore } from '../store/connection';
import { useInterviewStore } from '../store/interview';
import { InterviewerPanel } from './InterviewerPanel';
import { NotesTab } from './NotesTab';
import { QuestionsList } from './QuestionsList';
import { RubricTab } from './RubricTab';

/** The id of the interview's view in the side dock. */
export const INTERVIEW_VIEW = 'interview';
/** The id of the practice coach's view (solo candidates). */
export const COACH_VIEW = 'coach';

// Only solo candidates download the practice coach.
const PracticePanel = lazy(() => import('../practice/PracticePanel').then((m) => ({ default: m.PracticePanel })));

/**
 * The interview's view of the side dock: the interviewer's tools, or the questions for the
 * candidate and observers (with the interviewer's notes and scores while shared). A new
 * question unfolds it on the candidate's screen so it is not missed.
 */
export function useInterviewViews(sessionId: string, token: string): DockView[] {
  const role = useRole(sessionId);
  const interview = useInterviewStore((s) => s.interview);
  const questions = useInterviewStore((s) => s.questions);
  const priv = useInterviewStore((s) => s.private);
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  const unanswered = questions.filter((q) => q.answer === null).length;
  const seen = useRef(unanswered);
  useEffect(() => {
    if (role === 'candidate' && unanswered > seen.current) revealView(INTERVIEW_VIEW);
    seen.current = unanswered;
  }, [role, unanswered]);

  if (!interview || !role) return [];
  const closed = interview.closedAt !== null;
  if (role === 'interviewer') {
    return [
      {
        id: INTERVIEW_VIEW,
        title: 'Interview',
        grow: true,
        content: <InterviewerPanel sessionId={sessionId} token={token} questions={questions} priv={priv} shared={interview.shareWithObservers} closed={closed} />,
      },
    ];
  }
  const coach: DockView[] =
    role === 'candidate' && mode === 'solo'
      ? [
          {
            id: COACH_VIEW,
            title: 'Coach',
            grow: true,
            content: (
              <Suspense fallback={<p className="muted">Loading the coach…</p>}>
                <PracticePanel sessionId={sessionId} token={token} />
              </Suspense>
            ),
          },
        ]
      : [];
  return [
    ...coach,
    {
      id: INTERVIEW_VIEW,
      title: 'Questions',
      grow: true,
      foldedByDefault: unanswered === 0,
      badge: role === 'candidate' ? unanswered : undefined,
      content: (
        <div className="iv-panel-inner" aria-label="Questions">
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
      ),
    },
  ];
}
