import { useEffect, useRef, useState } from 'react';
import { INTERVIEW_EVENTS, RUBRIC_ITEM_IDS, type HumanScores, type Review, type RubricItemId } from '../../../core/src';
import { useConnectionStore } from '../store/connection';
import { sessionApi } from './api';
import { itemTitle } from './format';
import { RecommendationForm } from './RecommendationForm';
import { useRubricLevels } from './rubric-levels';
import { useSend } from './useSend';

const SCORES = [0, 1, 2, 3, 4] as const;

/**
 * Eight rubric items, 0–4 each with what each level means and notes, then the hire call; the
 * overall is the server's weighted human review.
 */
export function RubricTab({ sessionId, token, scores, readOnly }: { sessionId: string; token: string; scores: HumanScores; readOnly: boolean }) {
  const { send, error } = useSend();
  const [overall, setOverall] = useState<number | null>(null);
  const byId = new Map(scores.items.map((s) => [s.id, s]));
  // Notes typed but not yet saved: a score click right after typing must not send the old notes.
  const drafts = useRef(new Map<string, string>());
  const levels = useRubricLevels(useConnectionStore((s) => s.welcome?.prompt ?? null));

  // The weights live on the server: ask it for the overall whenever the scores change.
  useEffect(() => {
    let live = true;
    sessionApi<{ review: Review }>(sessionId, token, '/private')
      .then((p) => live && setOverall(p.review.overall))
      .catch(() => live && setOverall(null));
    return () => {
      live = false;
    };
  }, [sessionId, token, scores]);

  const update = (id: RubricItemId, change: { score?: number | null; notes?: string }) => {
    const current = byId.get(id);
    void send(INTERVIEW_EVENTS.scores, {
      items: [{ id, score: change.score !== undefined ? change.score : (current?.score ?? null), notes: change.notes ?? drafts.current.get(id) ?? current?.notes ?? '' }],
    });
  };

  return (
    <div className="iv-tab-body">
      <p className="iv-overall" data-testid="rubric-overall">
        Overall <strong>{overall ?? '–'}</strong>
        <span className="muted"> / 100</span>
      </p>
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
      <ul className="iv-rubric">
        {RUBRIC_ITEM_IDS.map((id) => {
          const entry = byId.get(id);
          return (
            <li key={id} data-testid={`rubric-${id}`}>
              <div className="iv-rubric-head">
                <span className="iv-rubric-title">{itemTitle(id)}</span>
                <div className="iv-scores" role="group" aria-label={`${itemTitle(id)} score`}>
                  {SCORES.map((n) => (
                    <button
                      key={n}
                      type="button"
                      className={`iv-score${entry?.score === n ? ' selected' : ''}`}
                      aria-pressed={entry?.score === n}
                      aria-label={`${itemTitle(id)}: ${n}`}
                      title={levels.get(id)?.[n]}
                      disabled={readOnly}
                      onClick={() => update(id, { score: entry?.score === n ? null : n })}
                    >
                      {n}
                    </button>
                  ))}
                </div>
              </div>
              {(levels.get(id)?.length ?? 0) > 0 && (
                <ol className="iv-levels" start={0} aria-label={`${itemTitle(id)} levels`}>
                  {levels.get(id)!.map((text, n) => (
                    <li key={n} className={entry?.score === n ? 'chosen' : undefined}>
                      <span className="iv-level-n">{n}</span> {text}
                    </li>
                  ))}
                </ol>
              )}
              <ItemNotes
                key={entry?.notes ?? ''}
                initial={entry?.notes ?? ''}
                label={`${itemTitle(id)} notes`}
                readOnly={readOnly}
                onDraft={(notes) => drafts.current.set(id, notes)}
                onSave={(notes) => update(id, { notes })}
              />
            </li>
          );
        })}
      </ul>
      {!readOnly && <RecommendationForm sessionId={sessionId} token={token} readOnly={false} />}
    </div>
  );
}

/** Notes for one item, saved when the field loses focus. */
function ItemNotes(props: { initial: string; label: string; readOnly: boolean; onDraft: (notes: string) => void; onSave: (notes: string) => void }) {
  const { initial, label, readOnly, onDraft, onSave } = props;
  const [text, setText] = useState(initial);
  return (
    <textarea
      aria-label={label}
      rows={text ? 2 : 1}
      placeholder={readOnly ? '' : 'Private notes on this item (saved when you leave the field)'}
      value={text}
      maxLength={2000}
      readOnly={readOnly}
      onChange={(e) => {
        setText(e.target.value);
        onDraft(e.target.value);
      }}
      onBlur={() => text !== initial && onSave(text)}
    />
  );
}
