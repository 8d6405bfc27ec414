import { useEffect, useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { Role } from '../../../core/src';

/*
 * The sessions this browser opened or created, newest first, kept in localStorage so the home
 * page can list them after the tab is gone (see docs/decisions/010-room-links-and-layout.md).
 * Each entry holds the capability token of the role it was opened with; the creator's entry
 * also holds the three links, so the page that hands them out can always be shown again.
 */
const KEY = 'designroom:recent-sessions';
/** Enough for a busy week of interviews; older ones drop off so the list stays readable. */
const LIMIT = 30;

const roleSchema = z.enum(['candidate', 'interviewer', 'observer']);
const entrySchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(300),
  mode: z.enum(['live', 'solo']).nullable(),
  role: roleSchema.nullable(),
  token: z.string().min(1).max(200),
  links: z.object({ candidate: z.string(), interviewer: z.string(), observer: z.string() }).nullable(),
  createdAt: z.number(),
  openedAt: z.number(),
});
const listSchema = z.array(z.unknown());

/** One remembered session. */
export type RecentSession = z.infer<typeof entrySchema>;

const listeners = new Set<() => void>();
let cache: { raw: string | null; list: RecentSession[] } = { raw: null, list: [] };

/** The remembered sessions, newest opened first; damaged entries are skipped, never fatal. */
export function recentSessions(): RecentSession[] {
  const raw = safeGet();
  if (raw === cache.raw) return cache.list;
  let list: RecentSession[] = [];
  try {
    const parsed = listSchema.safeParse(raw ? JSON.parse(raw) : []);
    if (parsed.success) list = parsed.data.flatMap((e) => {
      const entry = entrySchema.safeParse(e);
      return entry.success ? [entry.data] : [];
    });
  } catch {
    // Not JSON: start a fresh list rather than break the home page.
  }
  cache = { raw, list: list.sort((a, b) => b.openedAt - a.openedAt) };
  return cache.list;
}

/** One session's entry, if this browser has it. */
export function recentSession(id: string): RecentSession | null {
  return recentSessions().find((s) => s.id === id) ?? null;
}

/**
 * Adds or updates a session. A different token for the same session (another role's link
 * opened here) replaces the old one: the entry then reopens the board in the newer role.
 */
export function rememberSession(id: string, patch: Partial<Omit<RecentSession, 'id'>> & { token: string }): void {
  const now = Date.now();
  const list = recentSessions();
  const old = list.find((s) => s.id === id);
  const sameToken = old?.token === patch.token;
  const next: RecentSession = {
    id,
    title: patch.title ?? old?.title ?? 'Design board',
    mode: patch.mode ?? old?.mode ?? null,
    role: patch.role ?? (sameToken ? (old?.role ?? null) : null),
    token: patch.token,
    links: patch.links ?? old?.links ?? null,
    createdAt: patch.createdAt ?? old?.createdAt ?? now,
    openedAt: patch.openedAt ?? now,
  };
  write([next, ...list.filter((s) => s.id !== id)].slice(0, LIMIT));
}

/** Removes a session from this browser (the session itself goes on existing on the server). */
export function forgetSession(id: string): void {
  write(recentSessions().filter((s) => s.id !== id));
}

/** The board address of an entry, token in the fragment, as a link on the home page. */
export function sessionHref(entry: RecentSession): string {
  return `/s/${encodeURIComponent(entry.id)}#token=${encodeURIComponent(entry.token)}`;
}

/** React view of the list; follows changes made here and in other tabs. */
export function useRecentSessions(): RecentSession[] {
  return useSyncExternalStore(subscribe, recentSessions);
}

/**
 * Keeps the open board's entry current. Only a link the server accepted (it said the role) is
 * remembered, so a mistyped or refused link never lands in the list.
 */
export function useRememberSession(id: string, token: string, info: { title: string | null; mode: 'live' | 'solo' | null; role: Role | null }): void {
  const { title, mode, role } = info;
  useEffect(() => {
    if (role) rememberSession(id, { token, role, ...(title ? { title } : {}), ...(mode ? { mode } : {}) });
  }, [id, token, title, mode, role]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function write(list: RecentSession[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list is a convenience, the links themselves still work.
  }
  for (const listener of listeners) listener();
}

function safeGet(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
