import { useState } from 'react';
import { sendCurveball } from './practice-api';
import { addCurveballs } from './practice-store';
import './practice.css';

/** Requirement changes an interviewer reaches for most; any other can be typed. */
export const CURVEBALL_PRESETS = [
  { id: 'traffic-10x', label: '10× traffic', text: 'Traffic is now 10× what you planned for.' },
  { id: 'second-region', label: 'Second region', text: 'Add a second region: users on both continents need low latency.' },
  { id: 'links-expire', label: 'Links expire', text: 'Links must expire after a time the user chooses.' },
  { id: 'strong-consistency', label: 'Strong consistency', text: 'Reads must now see every write at once (strong consistency).' },
] as const;

/** The interviewer changes a requirement mid-session: it is pinned for everyone and the next review judges the board against it. */
export function CurveballSender({ sessionId, token, closed }: { sessionId: string; token: string; closed: boolean }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (curveball: { text: string; preset?: string }) => {
    setBusy(true);
    setError(null);
    try {
      addCurveballs([await sendCurveball(sessionId, token, curveball)]);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="iv-form"
      data-testid="curveball-sender"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void send({ text: text.trim() }).then((ok) => ok && setText(''));
      }}
    >
      <h3 className="panel-heading">Change a requirement</h3>
      <div className="pr-presets">
        {CURVEBALL_PRESETS.map((p) => (
          <button key={p.id} type="button" className="button small" disabled={busy || closed} title={p.text} onClick={() => void send({ text: p.text, preset: p.id })}>
            {p.label}
          </button>
        ))}
      </div>
      <textarea aria-label="A changed requirement" rows={2} maxLength={500} value={text} disabled={closed} placeholder="Or write your own: “Users can now edit a link after creating it.”" onChange={(e) => setText(e.target.value)} />
      <div className="iv-form-row">
        <button type="submit" className="button small primary" disabled={busy || closed || !text.trim()}>
          Pin it on the board
        </button>
      </div>
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
