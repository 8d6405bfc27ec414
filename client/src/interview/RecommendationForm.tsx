import { useEffect, useState } from 'react';
import { RECOMMENDATION_TITLES, RECOMMENDATIONS, type Recommendation, type StoredRecommendation } from '../../../core/src';
import { sessionApi } from './api';

/** The interviewer's hire / no-hire call with a reason; private like the scores, saved on the server. */
export function RecommendationForm({ sessionId, token, readOnly }: { sessionId: string; token: string; readOnly: boolean }) {
  const [verdict, setVerdict] = useState<Recommendation | null>(null);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<'loading' | 'idle' | 'saving' | 'saved' | 'dirty'>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sessionApi<{ recommendation: StoredRecommendation | null }>(sessionId, token, '/recommendation')
      .then(({ recommendation }) => {
        if (!live) return;
        setVerdict(recommendation?.verdict ?? null);
        setReason(recommendation?.reason ?? '');
        setState(recommendation ? 'saved' : 'idle');
      })
      .catch((e: unknown) => {
        if (!live) return;
        setState('idle');
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [sessionId, token]);

  const save = async () => {
    if (!verdict) return;
    setState('saving');
    setError(null);
    try {
      await sessionApi(sessionId, token, '/recommendation', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ verdict, reason }),
      });
      setState('saved');
    } catch (e) {
      setState('dirty');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form
      className="iv-recommendation"
      data-testid="recommendation"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={readOnly || state === 'loading'}>
        <legend>Recommendation</legend>
        <div className="iv-verdicts" role="radiogroup" aria-label="Recommendation">
          {RECOMMENDATIONS.map((r) => (
            <label key={r} className={`iv-verdict verdict-${r}${verdict === r ? ' chosen' : ''}`}>
              <input
                type="radio"
                name={`verdict-${sessionId}`}
                value={r}
                checked={verdict === r}
                onChange={() => {
                  setVerdict(r);
                  setState('dirty');
                }}
              />
              {RECOMMENDATION_TITLES[r]}
            </label>
          ))}
        </div>
        <textarea
          aria-label="Reason"
          placeholder="Why: the two or three signals that decided it"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setState('dirty');
          }}
        />
        <div className="iv-form-row">
          {error && (
            <span className="iv-error" role="alert">
              {error}
            </span>
          )}
          {state === 'saved' && <span className="muted">Saved</span>}
          <button type="submit" className="button small primary" disabled={!verdict || state === 'saving' || state === 'saved'}>
            Save recommendation
          </button>
        </div>
      </fieldset>
    </form>
  );
}
