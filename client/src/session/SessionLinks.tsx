import type { Role } from '../../../core/src';
import { absoluteLink, type SessionMode } from './api';
import { ROLE_TITLES } from './role-titles';
import { useCopyText } from './useCopyText';

const WHO: Record<SessionMode, Record<Role, string>> = {
  live: {
    candidate: 'Send this to the candidate. They draw and write the design.',
    interviewer: 'Keep this one for yourself. You can edit the board too, and it is the only link that sees interviewer-only notes and scores.',
    observer: 'For someone shadowing the interview: they watch live and cannot change anything.',
  },
  solo: {
    candidate: 'Yours: open it to work on the design. Keep it to come back later.',
    interviewer: 'For a peer or mentor who reviews your design and may edit it with you.',
    observer: 'Read-only: for anyone you want to show your design to.',
  },
};

const ORDER: Record<SessionMode, Role[]> = {
  live: ['candidate', 'interviewer', 'observer'],
  solo: ['candidate', 'observer', 'interviewer'],
};

/** The three capability links of a session, each with who it is for and a copy button. */
export function SessionLinks({ links, mode }: { links: Record<Role, string>; mode: SessionMode }) {
  return (
    <ul className="session-links">
      {ORDER[mode].map((role) => (
        <LinkRow key={role} role={role} url={absoluteLink(links[role])} who={WHO[mode][role]} />
      ))}
    </ul>
  );
}

function LinkRow({ role, url, who }: { role: Role; url: string; who: string }) {
  const { copied, copy } = useCopyText(url);
  const inputId = `link-${role}`;
  return (
    <li className="session-link" data-testid={`link-${role}`}>
      <div className="session-link-head">
        <label htmlFor={inputId} className="session-link-role">
          {ROLE_TITLES[role]} link
        </label>
        <span className="session-link-who">{who}</span>
      </div>
      <div className="session-link-row">
        <input id={inputId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button type="button" className="button" onClick={() => void copy()} aria-label={`Copy the ${ROLE_TITLES[role].toLowerCase()} link`}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
        </button>
      </div>
    </li>
  );
}
