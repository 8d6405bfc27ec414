import { memo } from 'react';
import { ROLE_TITLES } from '../../session/role';
import { usePresenceStore } from '../../store/presence';

const MAX_SHOWN = 4;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const second = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + second).toUpperCase();
}

/** Who is on the board: a coloured avatar per person, with name and role on hover and for screen readers. */
export const PresenceList = memo(function PresenceList({ onRenameSelf }: { onRenameSelf: () => void }) {
  const people = usePresenceStore((s) => s.people);
  const shown = people.slice(0, MAX_SHOWN);
  const more = people.length - shown.length;
  return (
    <ul className="presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} on this board`} data-testid="presence">
      {shown.map((p) => {
        const title = `${p.name}${p.role ? ` · ${ROLE_TITLES[p.role]}` : ''}${p.self ? ' (you)' : ''}`;
        return (
          <li key={p.clientId}>
            {p.self ? (
              <button type="button" className="avatar self" style={{ background: p.color }} title={`${title} — change your name`} aria-label={`${title}. Change your name`} onClick={onRenameSelf}>
                {initials(p.name)}
              </button>
            ) : (
              <span className="avatar" style={{ background: p.color }} title={title} aria-label={title} data-name={p.name}>
                {initials(p.name)}
              </span>
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
