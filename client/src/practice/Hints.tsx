import { useState } from 'react';
import { phaseTitle } from '../interview/format';
import { useInterviewStore } from '../store/interview';
import { getHints } from './practice-api';

/**
 * Hints for the current phase, only when asked and one at a time: a candidate who wants to
 * practise without help never sees one. Fetched on the first request per phase.
 */
export function Hints({ sessionId, token }: { sessionId: string; token: string }) {
  const phase = useInterviewStore((s) => s.interview?.phase ?? 'requirements');
  const [hints, setHints] = useState<Record<string, string[]>>({});
  const [shown, setShown] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = hints[phase];
  const count = shown[phase] ?? 0;

  const more = async () => {
    setError(null);
    let available = list;
    if (!available) {
      setBusy(true);
      try {
        available = await getHints(sessionId, token, phase);
        setHints((h) => ({ ...h, [phase]: available ?? [] }));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return;
      } finally {
        setBusy(false);
      }
    }
    setShown((s) => ({ ...s, [phase]: Math.min((s[phase] ?? 0) + 1, available?.length ?? 0) }));
  };

  const exhausted = list !== undefined && count >= list.length;
  return (
    <section className="pr-hints" aria-label="Hints" data-testid="hints">
      {list && list.length === 0 && <p className="muted">No hints for {phaseTitle(phase)}.</p>}
      {list && count > 0 && (
        <ol className="pr-hint-list">
          {list.slice(0, count).map((h, i) => (
            <li key={i} data-testid="hint">
              {h}
            </li>
          ))}
        </ol>
      )}
      {!exhausted && (
        <button type="button" className="button small" disabled={busy} onClick={() => void more()} data-testid="hint-button">
          {count === 0 ? `Hint for ${phaseTitle(phase)}` : `Another hint (${count} of ${list?.length ?? 0} shown)`}
        </button>
      )}
      {error && (
        <p className="iv-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
