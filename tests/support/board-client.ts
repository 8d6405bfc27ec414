import { io, type Socket } from 'socket.io-client';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, type ClientToServerEvents, type Role, type ServerToClientEvents } from '../../core/src';
import { SyncClient, type SyncState } from '../../client/src/sync/sync-client';

export interface TestClient {
  doc: Y.Doc;
  awareness: Awareness;
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state(): SyncState;
  /** Resolves once the predicate holds on this client's state (checked on every change). */
  until(predicate: (state: SyncState) => boolean, what?: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * A board client in Node running the app's own SyncClient over a real Socket.IO connection.
 * Reconnection is fast so tests that drop and restore connections run quickly.
 */
export function connectClient(url: string, sessionId: string, token: string, doc: Y.Doc = new Y.Doc()): TestClient {
  const awareness = new Awareness(doc);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth: { sessionId, token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  const waiters = new Set<() => void>();
  const sync = new SyncClient({
    doc,
    awareness,
    socket,
    resyncIntervalMs: 2000,
    onState: () => waiters.forEach((w) => w()),
  });
  return {
    // A refused edit makes the sync client rebuild onto a new document and awareness.
    get doc() {
      return sync.document;
    },
    get awareness() {
      return sync.presence;
    },
    socket,
    state: () => sync.current,
    until(predicate, what = 'condition', timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate(sync.current)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; state: ${JSON.stringify(sync.current)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      sync.destroy();
      socket.disconnect();
      sync.presence.destroy();
    },
  };
}

export interface CreatedSession {
  id: string;
  links: Record<Role, string>;
  tokens: Record<Role, string>;
}

export async function createSession(url: string, prompt = 'url-shortener', mode: 'live' | 'solo' = 'live'): Promise<CreatedSession> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, mode }),
  });
  if (res.status !== 201) throw new Error(`session creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

/** Polls until `check` returns true; for conditions that have no event to wait on. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
