import { useEffect, useState } from 'react';
import { timeOfDay } from '../interview/format';
import { usePracticeStore } from './practice-store';
import './practice.css';

/**
 * A changed requirement, pinned on the canvas for everyone in the room (below the toolbar, at
 * the left): the latest one in full, earlier ones on request. Folding it keeps a one-line
 * reminder; it never disappears, since the design is now judged against it.
 */
export function CurveballCard() {
  const curveballs = usePracticeStore((s) => s.curveballs);
  const [folded, setFolded] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const latest = curveballs[curveballs.length - 1];

  // A new curveball unfolds the banner, so it is not missed.
  useEffect(() => setFolded(false), [latest?.id]);

  if (!latest) return null;
  const earlier = curveballs.slice(0, -1);
  return (
    <div className={`pr-curveball${folded ? ' folded' : ''}`} role="status" aria-live="polite" data-testid="curveball" data-count={curveballs.length}>
      <div className="pr-curveball-head">
        <span className="pr-curveball-tag">Requirement changed</span>
        {folded ? (
          <span className="pr-curveball-text" title={latest.text}>
            {latest.text}
          </span>
        ) : (
          <span className="pr-curveball-time muted">{timeOfDay(latest.at)}</span>
        )}
        {!folded && earlier.length > 0 && (
          <button type="button" className="button small" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? 'Hide earlier' : `${earlier.length} earlier`}
          </button>
        )}
        <button type="button" className="button small pr-curveball-fold" aria-label={folded ? 'Show the changed requirement' : 'Fold the changed requirement'} onClick={() => setFolded((v) => !v)}>
          {folded ? '▾' : '▴'}
        </button>
      </div>
      {!folded && <p className="pr-curveball-text">{latest.text}</p>}
      {!folded && latest.effect?.traffic && <p className="pr-curveball-effect">Plan for {latest.effect.traffic}× the traffic in the prompt.</p>}
      {showAll && !folded && (
        <ol className="pr-curveball-earlier">
          {earlier.map((c) => (
            <li key={c.id}>
              <span className="muted">{timeOfDay(c.at)}</span> {c.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
