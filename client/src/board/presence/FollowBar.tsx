import { useEffect } from 'react';
import { selectRole, useConnectionStore } from '../../store/connection';
import { candidateOf, setFollowing, usePresenceStore } from '../../store/presence';

/**
 * The "Follow candidate" toggle for the people watching (interviewer, observers), and while
 * following anyone, a banner saying whom, with a way out. Panning or zooming by hand, or Esc,
 * also stops following: the watcher's own move always wins.
 */
export function FollowBar() {
  const role = useConnectionStore(selectRole);
  const people = usePresenceStore((s) => s.people);
  const following = usePresenceStore((s) => s.following);
  const followed = following === null ? null : (people.find((p) => p.clientId === following) ?? null);
  const candidate = candidateOf(people);

  useEffect(() => {
    if (following === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setFollowing(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [following]);

  if (followed) {
    return (
      <div className="follow-bar following" style={{ borderColor: followed.color }} data-testid="following" role="status">
        <span>
          Following <strong>{followed.name}</strong>
        </span>
        <button type="button" className="button small" onClick={() => setFollowing(null)}>
          Stop
        </button>
      </div>
    );
  }
  if (role === 'candidate' || !candidate) return null;
  return (
    <div className="follow-bar">
      <button type="button" className="button small" aria-pressed={false} onClick={() => setFollowing(candidate.clientId)} title="Keep your view on what the candidate sees">
        Follow candidate
      </button>
    </div>
  );
}
