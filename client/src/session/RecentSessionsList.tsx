import { forgetSession, sessionHref, useRecentSessions, type RecentSession } from './recent-sessions';
import { navigate } from './navigation';
import { ROLE_TITLES } from './role-titles';
import './recent-sessions.css';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The sessions this browser opened or created: open one in its role, see its links again, or forget it. */
export function RecentSessionsList() {
  const list = useRecentSessions();
  if (list.length === 0) return null;
  return (
    <section className="home-card" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent sessions</h2>
      <p className="muted">Kept in this browser only. Forgetting one here does not end it for anyone else.</p>
      <ul className="recent-sessions" data-testid="recent-sessions">
        {list.map((entry) => (
          <RecentRow key={entry.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function RecentRow({ entry }: { entry: RecentSession }) {
  const href = sessionHref(entry);
  return (
    <li className="recent-session">
      <span className="recent-session-main">
        <strong className="recent-session-title">{entry.title}</strong>
        <span className="muted">
          {[entry.mode === 'live' ? 'Live interview' : entry.mode === 'solo' ? 'Solo practice' : null, entry.role ? ROLE_TITLES[entry.role] : null]
            .filter(Boolean)
            .join(' · ')}
          {' · '}created {when(entry.createdAt)} · last opened {when(entry.openedAt)}
        </span>
      </span>
      <span className="recent-session-actions">
        <a
          className="button small primary"
          href={href}
          aria-label={`Open ${entry.title}${entry.role ? ` as ${ROLE_TITLES[entry.role].toLowerCase()}` : ''}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(href);
          }}
        >
          Open
        </a>
        {entry.links && (
          <a
            className="button small"
            href={`/#links=${encodeURIComponent(entry.id)}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/#links=${encodeURIComponent(entry.id)}`);
            }}
          >
            Links
          </a>
        )}
        <button type="button" className="button small" aria-label={`Forget ${entry.title}`} onClick={() => forgetSession(entry.id)}>
          Forget
        </button>
      </span>
    </li>
  );
}
