import { useEffect, useMemo, useState } from 'react';
import { emptyBoard, type Board, type Question } from '../../../core/src';
import { sessionApi, type Timeline } from './api';
import { BoardSketch } from './BoardSketch';
import { clock, timeOfDay } from './format';
import { baseMarkers, useCurveballMarkers, type ReplayMarker } from './replay-markers';

/** Slider resolution: the axis is cut into this many steps of equal time. */
const STEPS = 1000;
const SPEEDS = [1, 4, 16, 64] as const;
/** How often playback moves the position, in real milliseconds. */
const TICK_MS = 100;

/** The seq of the last change at or before `at` (points are in time order), or null before the first change. */
function seqAt(points: Timeline['points'], at: number): number | null {
  let lo = 0;
  let hi = points.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.at <= at) {
      found = points[mid]!.seq;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const EMPTY_BOARD = emptyBoard();

/**
 * The round replayed on a time axis: the slider's middle is the middle of the session's time
 * (not of its change count, which typing dominates), with play and speed, ticks for phases,
 * questions and curveballs, and the board at any two moments side by side.
 */
export function Replay(props: { sessionId: string; token: string; timeline: Timeline; start: number; end: number; questions: Question[] }) {
  const { sessionId, token, timeline, questions } = props;
  const points = timeline.points;
  const start = Math.min(props.start, points[0]?.at ?? props.start);
  const end = Math.max(props.end, points.at(-1)?.at ?? props.end, start + 1);
  const span = end - start;
  const [at, setAt] = useState(end);
  const [other, setOther] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(16);
  const curveballs = useCurveballMarkers(sessionId, token);
  const markers = useMemo(
    () => [...baseMarkers(timeline.phaseLog ?? [], questions), ...curveballs].filter((m) => m.at >= start && m.at <= end).sort((a, b) => a.at - b.at),
    [timeline.phaseLog, questions, curveballs, start, end],
  );

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      setAt((t) => {
        const next = Math.min(end, t + TICK_MS * speed);
        if (next >= end) setPlaying(false);
        return next;
      });
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [playing, speed, end]);

  if (points.length === 0) return <p className="muted">The board never changed, so there is nothing to replay.</p>;

  const jump = (t: number) => {
    setPlaying(false);
    setAt(t);
  };
  const play = () => {
    if (at >= end) setAt(start);
    setPlaying((p) => !p);
  };

  return (
    <div className="sum-replay">
      <div className="sum-replay-controls">
        <button type="button" className="button small" onClick={play} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="sum-replay-speed">
          Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <TimeSlider label="Replay position" start={start} span={span} at={at} onChange={jump} markers={markers} />
        <label className="sum-replay-compare">
          <input type="checkbox" checked={other !== null} onChange={(e) => setOther(e.target.checked ? start + span / 2 : null)} />
          Compare two moments
        </label>
      </div>
      {other !== null && <TimeSlider label="Second moment" start={start} span={span} at={other} onChange={setOther} markers={markers} />}
      <MarkerLegend markers={markers} onJump={jump} />
      <div className={other !== null ? 'sum-replay-pair' : undefined}>
        <Moment sessionId={sessionId} token={token} points={points} at={at} start={start} testId="replay-moment" markerId="arrow-a" />
        {other !== null && <Moment sessionId={sessionId} token={token} points={points} at={other} start={start} testId="replay-moment-b" markerId="arrow-b" />}
      </div>
    </div>
  );
}

function TimeSlider(props: { label: string; start: number; span: number; at: number; onChange: (at: number) => void; markers: ReplayMarker[] }) {
  const { label, start, span, at, onChange, markers } = props;
  const value = Math.round(((at - start) / span) * STEPS);
  return (
    <div className="sum-axis">
      <input
        type="range"
        min={0}
        max={STEPS}
        value={value}
        aria-label={label}
        aria-valuetext={`${clock(at - start)} into the session, ${timeOfDay(at)}`}
        onChange={(e) => onChange(start + (Number(e.target.value) / STEPS) * span)}
      />
      <div className="sum-axis-ticks" aria-hidden="true">
        {markers.map((m, i) => (
          <span key={`${m.kind}-${i}`} className={`sum-tick ${m.kind}`} style={{ left: `${((m.at - start) / span) * 100}%` }} title={m.label} />
        ))}
      </div>
    </div>
  );
}

function MarkerLegend({ markers, onJump }: { markers: ReplayMarker[]; onJump: (at: number) => void }) {
  if (markers.length === 0) return null;
  return (
    <ol className="sum-markers" aria-label="Moments of the round">
      {markers.map((m, i) => (
        <li key={`${m.kind}-${i}`}>
          <button type="button" className={`sum-marker ${m.kind}`} onClick={() => onJump(m.at)} title={m.label}>
            <span className="sum-marker-kind">{m.kind === 'phase' ? 'Phase' : m.kind === 'question' ? 'Question' : 'Curveball'}</span> {m.label}
          </button>
        </li>
      ))}
    </ol>
  );
}

const boards = new Map<string, Promise<Board>>();

/** The board at one moment, fetched once per change and kept while the page is open. */
function Moment(props: { sessionId: string; token: string; points: Timeline['points']; at: number; start: number; testId: string; markerId: string }) {
  const { sessionId, token, points, at, start, testId, markerId } = props;
  const seq = seqAt(points, at);
  const [shown, setShown] = useState<{ seq: number | null; board: Board } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (seq === null) {
      setShown({ seq: null, board: EMPTY_BOARD });
      return;
    }
    const key = `${sessionId}:${seq}`;
    let pending = boards.get(key);
    if (!pending) {
      pending = sessionApi<{ board: Board }>(sessionId, token, `/replay?seq=${seq}`).then((r) => r.board);
      pending.catch(() => boards.delete(key));
      boards.set(key, pending);
    }
    let live = true;
    pending
      .then((board) => {
        if (!live) return;
        setShown({ seq, board });
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, token, seq]);

  return (
    <div className="sum-moment" data-testid={testId} data-at={Math.round(at)} data-ready={shown !== null && shown.seq === seq}>
      <p className="sum-moment-time">
        <strong>{clock(at - start)}</strong> <span className="muted">into the session · {timeOfDay(at)}</span>
      </p>
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
      {shown && <BoardSketch board={shown.board} markerId={markerId} />}
    </div>
  );
}
