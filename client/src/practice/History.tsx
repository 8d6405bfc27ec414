import { attemptsAt, type Attempt } from './attempts';
import { ScoreChart } from './ScoreChart';

const date = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** This browser's attempts at the prompt: a list with each attempt's latest overall, and the chart per item. */
export function History({ attempts, prompt, sessionId }: { attempts: Attempt[]; prompt: string | null; sessionId: string }) {
  const mine = prompt ? attemptsAt(attempts, prompt) : attempts.filter((a) => a.sessionId === sessionId);
  if (mine.length === 0) {
    return <p className="muted pr-empty">Your attempts at this prompt appear here after their first critique. They are kept in this browser only.</p>;
  }
  return (
    <div className="pr-history" data-testid="history">
      <ol className="pr-attempts">
        {[...mine].reverse().map((a) => (
          <li key={a.sessionId} className={a.sessionId === sessionId ? 'current' : undefined} data-testid="attempt" data-session={a.sessionId} data-overall={a.overall}>
            <span>{date(a.firstAt)}</span>
            {a.sessionId === sessionId && <span className="chip">this attempt</span>}
            <strong className="pr-attempt-score">{a.overall}/100</strong>
          </li>
        ))}
      </ol>
      <h3 className="panel-heading">Each item across attempts</h3>
      <ScoreChart attempts={mine} current={sessionId} />
      {mine.length === 1 && <p className="muted">Practise this prompt again to see each item's line move.</p>}
      <p className="muted pr-footnote">Kept in this browser only; each attempt shows its latest critique. The dashed line is the hiring bar (3 of 4).</p>
    </div>
  );
}
