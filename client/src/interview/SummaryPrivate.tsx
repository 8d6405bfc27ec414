import { useState } from 'react';
import { RECOMMENDATION_TITLES } from '../../../core/src';
import { sessionApi, type SessionSummary } from './api';
import { timeOfDay } from './format';

/** The interviewer's own part of the summary: the hire call and the private notes. Never rendered for a candidate (the server does not send it). */
export function SummaryPrivate({ record }: { record: NonNullable<SessionSummary['private']> }) {
  const { notes, recommendation } = record;
  return (
    <section className="sum-card sum-private" aria-labelledby="sum-private-title">
      <h2 id="sum-private-title">
        Your private record <span className="chip">Only interviewers see this</span>
      </h2>
      <div data-testid="summary-recommendation">
        <h3 className="panel-heading">Recommendation</h3>
        {recommendation ? (
          <p>
            <strong className={`verdict-${recommendation.verdict}`}>{RECOMMENDATION_TITLES[recommendation.verdict]}</strong>
            {recommendation.reason && <> — {recommendation.reason}</>}
          </p>
        ) : (
          <p className="muted">No recommendation was made. Make one in the interview panel's Rubric tab.</p>
        )}
      </div>
      <div data-testid="summary-private-notes">
        <h3 className="panel-heading">Private notes</h3>
        {notes.length === 0 ? (
          <p className="muted">No private notes.</p>
        ) : (
          <ul className="iv-notes">
            {notes.map((n) => (
              <li key={n.id}>
                <span className="iv-time">{timeOfDay(n.at)}</span>
                <p>{n.text}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** For the interviewer after a live round: hand the automatic review to the candidate, or hold it back again. */
export function ReleaseReview({ sessionId, token, released }: { sessionId: string; token: string; released: boolean }) {
  const [now, setNow] = useState(released);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (release: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await sessionApi(sessionId, token, '/review-release', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ released: release }),
      });
      setNow(release);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sum-held">
      {now ? (
        <>
          <span data-testid="review-released">The candidate can see the rules review.</span>
          <button type="button" className="button small" disabled={busy} onClick={() => void change(false)}>
            Hold it back again
          </button>
        </>
      ) : (
        <>
          <span className="muted">The candidate does not see the rules review until you release it.</span>
          <button type="button" className="button small primary" disabled={busy} onClick={() => void change(true)}>
            Release the review to the candidate
          </button>
        </>
      )}
      {error && (
        <span className="iv-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
