import type { Role } from '../../../core/src';
import { recentSession } from './recent-sessions';

/*
 * A board link carries its capability token in the URL fragment (`/s/<id>#token=<token>`), which
 * browsers never send to a server nor put in a Referer header. The token stays in the address
 * bar, so copying it, bookmarking it or going back through the history reopens the board in the
 * same role (decision 010). It is also remembered in sessionStorage and in the recent-sessions
 * list, so a path without it (the summary link, a link typed by hand) still finds it.
 */
const tokenKey = (sessionId: string) => `designroom:token:${sessionId}`;
const roleKey = (sessionId: string) => `designroom:role:${sessionId}`;
const linksKey = (sessionId: string) => `designroom:links:${sessionId}`;

/** The token for this session: from the fragment if present (and then remembered), else remembered in this tab or browser. */
export function takeToken(sessionId: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    safeSet(tokenKey(sessionId), fromHash);
    return fromHash;
  }
  const known = safeGet(tokenKey(sessionId)) ?? recentSession(sessionId)?.token ?? null;
  // Put it back in the address bar, so what the user copies from there is a whole link.
  if (known) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${tokenFragment(known)}`);
  return known;
}

/** The fragment that carries a token, for links between the app's own pages. */
export function tokenFragment(token: string): string {
  return `token=${encodeURIComponent(token)}`;
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

/** Links of a session this browser created: from this tab, else from the recent-sessions list. */
export function rememberedLinks(sessionId: string): Record<Role, string> | null {
  const raw = safeGet(linksKey(sessionId));
  if (!raw) return recentSession(sessionId)?.links ?? null;
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

/** The token a link carries in its fragment, or null. */
export function tokenOfLink(link: string): string | null {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : '';
  return new URLSearchParams(hash).get('token');
}
