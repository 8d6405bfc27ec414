import * as Y from 'yjs';
import { ROLES, setMeta, type Role } from '../../../core/src';
import type { SessionMode, SessionRecord, Storage } from '../storage/types';
import { hashToken, newSessionId, newToken } from './tokens';

export interface CreatedSession {
  id: string;
  links: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** The path that opens the board in a role. The token rides in the fragment, which browsers
 * never send to a server or put in a Referer header. */
export function roleLink(sessionId: string, token: string): string {
  return `/s/${sessionId}#token=${token}`;
}

export async function createSession(
  storage: Storage,
  input: { prompt: string; title: string; mode: SessionMode },
): Promise<CreatedSession> {
  const id = newSessionId();
  const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
  const hashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>;
  const now = Date.now();
  const record: SessionRecord = { id, prompt: input.prompt, mode: input.mode, createdAt: now, closedAt: null };
  await storage.createSession(record, hashes);

  // The first entry of the log: the board's meta. Written once, by the server, before any
  // client exists, so there is a single history for everyone to build on.
  const seed = new Y.Doc();
  setMeta(seed, { prompt: input.prompt, title: input.title, phase: 'requirements' });
  await storage.appendUpdate(id, Y.encodeStateAsUpdate(seed), now);
  seed.destroy();

  const links = Object.fromEntries(ROLES.map((role) => [role, roleLink(id, tokens[role])])) as Record<Role, string>;
  return { id, links, tokens };
}

export async function resolveRole(storage: Storage, sessionId: string, token: string): Promise<Role | null> {
  if (!token) return null;
  return storage.roleForToken(sessionId, hashToken(token));
}
