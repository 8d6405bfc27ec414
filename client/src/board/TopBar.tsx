import { useState } from 'react';
import type { Role } from '../../../core/src';
import { BoardActions } from '../export/BoardActions';
import { ROLE_TITLES } from '../session/role';
import { SessionLinks } from '../session/SessionLinks';
import { rememberedLinks } from '../session/token';
import { useConnectionStore } from '../store/connection';
import { ConnectionBadge } from './presence/ConnectionBadge';
import { PresenceList } from './presence/PresenceList';

/** Prompt title, this user's role, who is here and the connection status. */
export function TopBar({ sessionId, token, title, role, onRenameSelf }: { sessionId: string; token: string; title: string; role: Role | null; onRenameSelf: () => void }) {
  const mode = useConnectionStore((s) => s.welcome?.mode ?? null);
  const [sharing, setSharing] = useState(false);
  const links = rememberedLinks(sessionId);
  return (
    <header className="top-bar">
      <a className="brand" href="/" aria-label="Designroom home">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">Designroom</span>
      </a>
      <h1 className="board-title" title={title}>
        {title}
      </h1>
      {mode && <span className="chip mode-chip">{mode === 'live' ? 'Live interview' : 'Solo practice'}</span>}
      {role && <span className={`chip role-${role}`}>{role === 'observer' ? 'Observer · read-only' : ROLE_TITLES[role]}</span>}
      <div className="top-bar-end">
        <BoardActions sessionId={sessionId} token={token} title={title} role={role} />
        {links && (
          <div className="share">
            <button type="button" className="button small" aria-expanded={sharing} onClick={() => setSharing((v) => !v)}>
              Share links
            </button>
            {sharing && (
              <div className="share-popover" role="dialog" aria-label="Session links">
                <SessionLinks links={links} mode={mode ?? 'live'} />
              </div>
            )}
          </div>
        )}
        <PresenceList onRenameSelf={onRenameSelf} />
        <ConnectionBadge />
      </div>
    </header>
  );
}
