import { lazy, Suspense } from 'react';
import { useBoard } from '../board/BoardContext';
import { useBoardStore } from '../store/board';
import { useTrafficOverlay } from './useTrafficOverlay';
import './traffic.css';

const TrafficPanel = lazy(() => import('./TrafficPanel'));

/**
 * The traffic view's switch, over the canvas. The view itself (the model and its panel) loads
 * only once someone in the room turns it on. On and off, and the multiple, are the room's:
 * everyone sees the same; observers watch but cannot change them.
 */
export function TrafficToggle() {
  const { doc } = useBoard();
  const writable = useBoardStore((s) => s.writable);
  const [overlay, change] = useTrafficOverlay(doc);
  return (
    <div className={`traffic-dock${overlay.on ? ' open' : ''}`}>
      <button
        type="button"
        className="traffic-toggle"
        aria-pressed={overlay.on}
        disabled={!writable}
        title={writable ? 'Show load against capacity at a multiple of the design’s traffic' : 'Only the candidate and the interviewer can switch the traffic view'}
        onClick={() => change({ on: !overlay.on })}
      >
        Traffic{overlay.on ? ` · ${overlay.multiplier}×` : ''}
      </button>
      {overlay.on && (
        <Suspense fallback={<div className="traffic-panel">Loading the traffic model…</div>}>
          <TrafficPanel overlay={overlay} change={change} writable={writable} />
        </Suspense>
      )}
    </div>
  );
}
