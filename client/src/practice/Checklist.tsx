import { useEffect, useState } from 'react';
import { RUBRIC_ITEM_IDS } from '../../../core/src';
import { itemTitle } from '../interview/format';
import { checklistFreshness } from './checklist-freshness';
import { usePracticeStore } from './practice-store';
import { ScoreDots } from './ScoreDots';

/**
 * The live rubric checklist: the rules reviewer's reading of the board as it changes, one row
 * per item with its score and one-line summary; a row that just moved says which way.
 */
export function Checklist() {
  const checklist = usePracticeStore((s) => s.checklist);
  const previous = usePracticeStore((s) => s.previousChecklist);
  const freshness = useFreshness();
  if (!checklist) return <p className="muted pr-empty">The checklist fills in as you draw and write.</p>;
  const before = new Map(previous?.items.map((i) => [i.id, i.score]) ?? []);
  const rows = RUBRIC_ITEM_IDS.flatMap((id) => checklist.items.filter((i) => i.id === id));
  return (
    <div className="pr-checklist" data-testid="checklist" data-overall={checklist.overall} data-freshness={freshness.state}>
      <p className="pr-overall">
        Live estimate <strong>{Math.round(checklist.overall)}</strong>/100{' '}
        <span className={freshness.state === 'queued' ? 'pr-freshness queued' : 'pr-freshness muted'} data-testid="checklist-freshness">
          · rules reviewer, {freshness.text}
        </span>
      </p>
      <ol className="pr-rows">
        {rows.map((item) => {
          const was = before.get(item.id);
          const moved = was === undefined ? 0 : item.score - was;
          return (
            <li key={item.id} className="pr-row" data-testid="checklist-item" data-item={item.id} data-score={item.score}>
              <div className="pr-row-head">
                <span className="pr-row-title">{item.title || itemTitle(item.id)}</span>
                {moved !== 0 && (
                  <span className={moved > 0 ? 'pr-moved up' : 'pr-moved down'} aria-label={moved > 0 ? 'went up' : 'went down'}>
                    {moved > 0 ? '▲' : '▼'}
                  </span>
                )}
                <ScoreDots score={item.score} max={item.max} label={item.title || itemTitle(item.id)} />
              </div>
              {item.summary && <p className="pr-row-summary">{item.summary}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The header's freshness, ticking once a second only while changes wait for a reading. */
function useFreshness() {
  const since = usePracticeStore((s) => s.checkingSince);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return checklistFreshness(since, now);
}
