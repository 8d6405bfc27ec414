import { useEffect, useState } from 'react';
import { elapsedMs, INTERVIEW_EVENTS, PHASE_IDS, type InterviewState, type TimerControl } from '../../../core/src';
import { clock, nextPhase, PHASE_TITLES } from './format';
import { useSend } from './useSend';

/** Phase steps and the interview clock; controls only for whoever keeps time. */
export function TimerBar({ interview, canControl }: { interview: InterviewState; canControl: boolean }) {
  const { timer, phase, closedAt } = interview;
  const [now, setNow] = useState(() => Date.now());
  const { send, error, busy } = useSend();
  const [confirmReset, setConfirmReset] = useState(false);

  useEffect(() => {
    setNow(Date.now());
    if (!timer.running) return;
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, [timer.running, timer.startedAt]);

  const next = nextPhase(phase);
  const controls = canControl && closedAt === null;
  const control = (payload: TimerControl) => void send(INTERVIEW_EVENTS.timer, payload);

  return (
    <div className="iv-timer" data-testid="timer-bar">
      <ol className="iv-phases" aria-label="Interview phases">
        {PHASE_IDS.map((id) => (
          <li key={id} className={id === phase ? 'current' : undefined} aria-current={id === phase ? 'step' : undefined}>
            {PHASE_TITLES[id]}
          </li>
        ))}
      </ol>
      <span className={`iv-clock${timer.running ? ' running' : ''}`} data-testid="timer-clock" aria-label="Elapsed time">
        {clock(elapsedMs(timer, now))}
      </span>
      {controls && (
        <div className="iv-timer-controls">
          {timer.running ? (
            <button type="button" className="button small" disabled={busy} onClick={() => control({ action: 'pause' })}>
              Pause
            </button>
          ) : (
            <button type="button" className="button small primary" disabled={busy} onClick={() => control({ action: 'start' })}>
              Start
            </button>
          )}
          <button type="button" className="button small" disabled={busy} onClick={() => setConfirmReset(true)}>
            Reset
          </button>
          <button type="button" className="button small" disabled={busy || next === null} onClick={() => next && control({ action: 'phase', phase: next })}>
            Next phase
          </button>
        </div>
      )}
      {error && (
        <span className="iv-error" role="alert">
          {error}
        </span>
      )}
      {confirmReset && (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-labelledby="iv-reset-title">
            <h2 id="iv-reset-title">Reset the timer?</h2>
            <p>The clock goes back to 00:00 and the time spent per phase is lost. Questions, notes and scores stay.</p>
            <div className="iv-dialog-actions">
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button primary iv-danger-fill"
                onClick={() => {
                  setConfirmReset(false);
                  control({ action: 'reset' });
                }}
              >
                Reset timer
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
