import { useEffect, useState } from 'react';
import type { Board } from '../../../core/src';
import { sessionApi, type Timeline } from './api';
import { BoardSketch } from './BoardSketch';
import { timeOfDay } from './format';

/** A slider over the moments the board changed; shows the board right after the chosen one. */
export function Replay({ sessionId, token, timeline }: { sessionId: string; token: string; timeline: Timeline }) {
  const points = timeline.points;
  const [index, setIndex] = useState(points.length - 1);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const point = points[index];

  useEffect(() => {
    if (!point) return;
    let live = true;
    sessionApi<{ board: Board }>(sessionId, token, `/replay?seq=${point.seq}`)
      .then((r) => {
        if (!live) return;
        setBoard(r.board);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, token, point]);

  if (!point) return <p className="muted">The board never changed, so there is nothing to replay.</p>;
  return (
    <div className="sum-replay">
      <div className="sum-replay-controls">
        <input
          type="range"
          min={0}
          max={points.length - 1}
          value={index}
          aria-label="Replay position"
          aria-valuetext={`Change ${index + 1} of ${points.length}, ${timeOfDay(point.at)}`}
          onChange={(e) => setIndex(Number(e.target.value))}
        />
        <span data-testid="replay-time">
          {timeOfDay(point.at)} · change {index + 1} of {points.length}
        </span>
      </div>
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
      {board && <BoardSketch board={board} />}
    </div>
  );
}
