import { useEffect, useState } from 'react';
import { listCurveballs, sendCurveball, type CurveballPreset } from './practice-api';
import { addCurveballs } from './practice-store';
import './practice.css';

/** The interviewer changes a requirement mid-session: it is pinned for everyone and the next review judges the board against it. */
export function CurveballSender({ sessionId, token, closed }: { sessionId: string; token: string; closed: boolean }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [presets, setPresets] = useState<CurveballPreset[]>([]);
  useEffect(() => {
    let live = true;
    listCurveballs(sessionId, token)
      .then((r) => live && setPresets(r.presets))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, token]);
  const send = async (curveball: { text: string } | { preset: string }) => {
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
        {presets.map((p) => (
          <button key={p.id} type="button" className="button small" disabled={busy || closed} onClick={() => void send({ preset: p.id })} data-testid="curveball-preset">
            {p.text}
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
