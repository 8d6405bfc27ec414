import { may } from '../../../core/src';
import { revealView } from '../layout/dock-store';
import { useRole } from '../session/role';
import { navigate } from '../session/navigation';
import { tokenFragment } from '../session/token';
import { useConnectionStore } from '../store/connection';
import { useInterviewStore } from '../store/interview';
import { EndSession } from './EndSession';
import { INTERVIEW_VIEW } from './interview-views';
import { TimerBar } from './TimerBar';
import './interview.css';

/**
 * The interview's bar under the top bar: phases and timer, the end of the round, and for the
 * interviewer a button that brings the interview view of the side dock into sight. Candidates
 * and observers have the Questions view in the dock (with its count when folded).
 */
export function InterviewDock({ sessionId, token }: { sessionId: string; token: string }) {
  const role = useRole(sessionId);
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  const interview = useInterviewStore((s) => s.interview);

  if (!interview || !role) return <div className="iv-bar" />;
  const closed = interview.closedAt !== null;
  const keepsTime = may(role, 'timer.control', { mode: mode ?? 'live' });
  const summary = `/s/${sessionId}/summary#${tokenFragment(token)}`;

  return (
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
          {role === 'interviewer' && (
            <button type="button" className="button small" onClick={() => revealView(INTERVIEW_VIEW)}>
              Interview panel
            </button>
          )}
        </div>
      </div>
  );
}
