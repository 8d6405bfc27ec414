import { lazy, Suspense, useState } from 'react';
import type { Role } from '../../../core/src';

const ShareDialog = lazy(() => import('./ShareDialog'));

/** "Share review" for whoever may make review links: the interviewer, or the candidate of a solo session. */
export function ShareButton({ sessionId, token, role, mode }: { sessionId: string; token: string; role: Role | null; mode: 'live' | 'solo' | null }) {
  const [open, setOpen] = useState(false);
  if (!(role === 'interviewer' || (role === 'candidate' && mode === 'solo'))) return null;
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        Share review
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog sessionId={sessionId} token={token} canIncludePrivate={role === 'interviewer'} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
