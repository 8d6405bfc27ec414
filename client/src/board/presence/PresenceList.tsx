import { memo } from 'react';
import { ROLE_TITLES } from '../../session/role';
import { setFollowing, usePresenceStore } from '../../store/presence';

const MAX_SHOWN = 4;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const second = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + second).toUpperCase();
}

/**
 * Who is on the board: a coloured avatar per person, however many tabs they have open (name and
 * role on hover); click someone else's to follow their view.
 */
export const PresenceList = memo(function PresenceList({ onRenameSelf }: { onRenameSelf: () => void }) {
  const people = usePresenceStore((s) => s.people);
  const following = usePresenceStore((s) => s.following);
  const shown = people.slice(0, MAX_SHOWN);
  const more = people.length - shown.length;
  return (
    <ul className="presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} on this board`} data-testid="presence">
      {shown.map((p) => {
        if (p.bot) {
          return (
            <li key={p.clientId}>
              <span className="avatar bot" title={`${p.name} · follows the board, not a person`} aria-label={`${p.name}, follows the board`} data-testid="presence-bot">
                AI
              </span>
            </li>
          );
        }
        const title = `${p.name}${p.role ? ` · ${ROLE_TITLES[p.role]}` : ''}${p.self ? ' (you)' : ''}`;
        return (
          <li key={p.clientId}>
            {p.self ? (
              <button type="button" className="avatar self" style={{ background: p.color }} title={`${title} — change your name`} aria-label={`${title}. Change your name`} onClick={onRenameSelf}>
                {initials(p.name)}
              </button>
            ) : (
              <button
                type="button"
                className={`avatar${following === p.clientId ? ' followed' : ''}`}
                style={{ background: p.color }}
                title={following === p.clientId ? `${title} — stop following` : `${title} — follow their view`}
                aria-label={following === p.clientId ? `${title}. Stop following` : `${title}. Follow their view`}
                aria-pressed={following === p.clientId}
                data-name={p.name}
                data-tabs={p.clientIds.length}
                onClick={() => setFollowing(following === p.clientId ? null : p.clientId)}
              >
                {initials(p.name)}
              </button>
            )}
          </li>
        );
      })}
      {more > 0 && (
        <li>
          <span className="avatar more" title={people.slice(MAX_SHOWN).map((p) => p.name).join(', ')}>
            +{more}
          </span>
        </li>
      )}
    </ul>
  );
});
