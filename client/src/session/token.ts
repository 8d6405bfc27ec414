import type { Role } from '../../../core/src';

/*
 * A board link carries its capability token in the URL fragment (`/s/<id>#token=<token>`), which
 * browsers never send to a server nor put in a Referer header. On arrival the token moves to
 * sessionStorage and leaves the address bar, so a shared screen does not show it, while a
 * reload of the same tab still works.
 */
const tokenKey = (sessionId: string) => `designroom:token:${sessionId}`;
const roleKey = (sessionId: string) => `designroom:role:${sessionId}`;
const linksKey = (sessionId: string) => `designroom:links:${sessionId}`;

/** The token for this session: from the fragment if present (and then remembered), else remembered. */
export function takeToken(sessionId: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    safeSet(tokenKey(sessionId), fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return safeGet(tokenKey(sessionId));
}

/** The role this tab last had in a session, so a reload while offline keeps the right controls. */
export function rememberedRole(sessionId: string): Role | null {
  const role = safeGet(roleKey(sessionId));
  return role === 'candidate' || role === 'interviewer' || role === 'observer' ? role : null;
}

export function rememberRole(sessionId: string, role: Role): void {
  safeSet(roleKey(sessionId), role);
}

/** Links of a session created in this tab, so its creator can share them again from the board. */
export function rememberLinks(sessionId: string, links: Record<Role, string>): void {
  safeSet(linksKey(sessionId), JSON.stringify(links));
}

export function rememberedLinks(sessionId: string): Record<Role, string> | null {
  const raw = safeGet(linksKey(sessionId));
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'candidate' in parsed && 'interviewer' in parsed && 'observer' in parsed) {
      const { candidate, interviewer, observer } = parsed as Record<string, unknown>;
      if (typeof candidate === 'string' && typeof interviewer === 'string' && typeof observer === 'string') {
        return { candidate, interviewer, observer };
      }
    }
  } catch {
    // A damaged entry only hides the share button.
  }
  return null;
}

// Storage can be unavailable (privacy settings); the app then works for this page load only.
function safeGet(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): void {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    // see safeGet
  }
}
