import { useEffect, useState } from 'react';
import { roleSchema } from '../../../core/src';
import { ExportMenu } from '../export/ExportMenu';
import { ShareButton } from '../share/ShareButton';
import { sessionApi, type SessionSummary, type Timeline } from './api';
import { clock, phaseTitle } from './format';
import { QuestionsList } from './QuestionsList';
import { Replay } from './Replay';
import { ReviewTable } from './ReviewTable';
import { SummaryComments } from './SummaryComments';
import { ReleaseReview, SummaryPrivate } from './SummaryPrivate';
import { tokenFragment } from '../session/token';
import './interview.css';

/** After the round: both reviews, the questions and answers, time per phase, the comments, and a replay of the board. */
export function SummaryPage({ sessionId, token }: { sessionId: string; token: string }) {
  const [data, setData] = useState<{ summary: SessionSummary; timeline: Timeline } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([sessionApi<SessionSummary>(sessionId, token, '/summary'), sessionApi<Timeline>(sessionId, token, '/timeline')])
      .then(([summary, timeline]) => live && setData({ summary, timeline }))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, token]);

  if (error) {
    return (
      <main className="sum-page">
        <h1>Summary unavailable</h1>
        <p className="iv-error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!data) return <div className="loading-page">Loading the summary…</div>;
  const { summary, timeline } = data;
  const { session, reviews, questions, phases } = summary;

  return (
    <main className="sum-page" data-testid="summary">
      <header className="sum-header">
        <a className="brand" href="/">
          ◆ Designroom
        </a>
        <h1>{summary.board.meta.title ?? session.prompt}</h1>
        <p className="muted">
          {session.mode === 'live' ? 'Live interview' : 'Solo practice'} · started {new Date(session.createdAt).toLocaleString()}
          {session.closedAt ? ` · ended ${new Date(session.closedAt).toLocaleString()}` : ' · still in progress'}
        </p>
        <a className="button small" href={`/s/${session.id}#${tokenFragment(token)}`}>
          Back to the board
        </a>
        <div className="sum-actions">
          <ExportMenu sessionId={sessionId} token={token} title={summary.board.meta.title ?? session.prompt} />
          <ShareButton sessionId={sessionId} token={token} role={roleSchema.safeParse(summary.role).data ?? null} mode={session.mode} />
        </div>
      </header>

      {summary.private && <SummaryPrivate record={summary.private} />}
      {summary.role === 'interviewer' && session.mode === 'live' && session.closedAt !== null && (
        <ReleaseReview sessionId={sessionId} token={token} released={summary.reviewReleased} />
      )}
      {reviews.rules ? (
        <ReviewTable review={reviews.rules} title="Rules review" testId="rules-review" />
      ) : (
        <section className="sum-card">
          <h2>Rules review</h2>
          {summary.role === 'candidate' && session.mode === 'live' && session.closedAt !== null ? (
            <p className="muted" data-testid="review-held">
              Your interviewer shares the automatic review when they are ready. Reload this page later to see it.
            </p>
          ) : (
            <p className="muted">Made when the session ends.</p>
          )}
        </section>
      )}
      {reviews.human && <ReviewTable review={reviews.human} title="Interviewer's review" testId="human-review" />}

      <div className="sum-columns">
        <section className="sum-card" data-testid="summary-questions">
          <h2>Questions and answers</h2>
          <QuestionsList questions={questions} answering={false} closed />
        </section>
        <section className="sum-card" data-testid="summary-phases">
          <h2>Time per phase</h2>
          {phases.length === 0 ? (
            <p className="muted">The timer was never started.</p>
          ) : (
            <table className="sum-table">
              <tbody>
                {phases.map((p, i) => (
                  <tr key={`${p.phase}-${i}`}>
                    <th scope="row">{phaseTitle(p.phase)}</th>
                    <td className="sum-score">{clock(p.ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <SummaryComments board={summary.board} />

      <section className="sum-card" data-testid="summary-replay">
        <h2>Replay</h2>
        <Replay
          sessionId={sessionId}
          token={token}
          timeline={timeline}
          start={session.createdAt}
          end={session.closedAt ?? timeline.points.at(-1)?.at ?? session.createdAt}
          questions={questions}
        />
      </section>
    </main>
  );
}
