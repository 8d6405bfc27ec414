import { useState } from 'react';
import { sessionApi } from './api';

/** "End session" with an in-page confirmation (no window.confirm), then POST /close. */
export function EndSession({ sessionId, token }: { sessionId: string; token: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await sessionApi(sessionId, token, '/close', { method: 'POST' });
      setConfirming(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button small iv-danger" onClick={() => setConfirming(true)}>
        End session
      </button>
      {confirming && (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-labelledby="iv-end-title">
            <h2 id="iv-end-title">End this session?</h2>
            <p>The board and the question queue become read-only for everyone, and the reviews are saved. You can still finish notes and scores.</p>
            {error && (
              <p className="iv-error" role="alert">
                {error}
              </p>
            )}
            <div className="iv-dialog-actions">
              <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
                Cancel
              </button>
              <button type="button" className="button primary iv-danger-fill" onClick={() => void end()} disabled={busy}>
                End session
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
