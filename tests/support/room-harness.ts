import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { decodeSyncMessage, type Role } from '../../core/src';
import { createLogger } from '../../server/src/log';
import { RoomRegistry } from '../../server/src/rooms/registry';
import type { Room } from '../../server/src/rooms/room';
import { createSession } from '../../server/src/sessions/service';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/types';

/**
 * The room without a transport: a real RoomRegistry over real SQLite, whose writes can be made
 * to fail, and in-memory "sockets" — a queue of messages per direction that a test delivers,
 * drops, duplicates or reorders at will. Every client is a Y.Doc speaking the same exchange as
 * the app's sync client: updates acknowledged by the room, broadcasts, and full resyncs
 * (state vector → what the server has → what the server lacks).
 */
export interface Message {
  kind: 'update' | 'broadcast';
  bytes: Uint8Array;
}

export interface HarnessClient {
  id: string;
  doc: Y.Doc;
  role: Role;
  /** Client → room, in send order. */
  outbox: Message[];
  /** Room → client. */
  inbox: Message[];
  /** Updates the room acknowledged as stored. */
  acked: Uint8Array[];
  refusals: string[];
}

export class FailingStorage {
  failing = false;
  constructor(readonly inner: Storage) {}

  /** The real storage, except that `appendUpdates` throws while `failing` is set. */
  get storage(): Storage {
    return new Proxy(this.inner, {
      get: (target, key, receiver) => {
        if (key === 'appendUpdates' && this.failing) return async () => Promise.reject(new Error('injected storage failure'));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }
}

export interface Harness {
  sessionId: string;
  room: Room;
  rooms: RoomRegistry;
  faults: FailingStorage;
  clients: HarnessClient[];
  /** Makes a local edit on the client and queues it for the room. */
  edit(client: HarnessClient, change: (doc: Y.Doc) => void): void;
  /** Delivers the client's oldest outgoing message to the room and waits for the acknowledgement. */
  deliverToRoom(client: HarnessClient, index?: number): Promise<void>;
  /** Applies the client's oldest incoming broadcast. */
  deliverToClient(client: HarnessClient, index?: number): void;
  /** A full resync, as on reconnect: the client catches up and sends everything the room lacks. */
  resync(client: HarnessClient): Promise<void>;
  /** What storage holds, loaded into a fresh document. */
  stored(): Promise<Y.Doc>;
  close(): Promise<void>;
}

export async function createHarness(roles: Role[]): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'designroom-harness-'));
  const faults = new FailingStorage(openSqliteStorage(dir));
  const storage = faults.storage;
  const { id: sessionId } = await createSession(storage, { prompt: 'url-shortener', title: 'URL shortener', mode: 'live' });
  const rooms = new RoomRegistry(storage, createLogger('silent'), 60_000);
  const clients: HarnessClient[] = roles.map((role, i) => ({
    id: `client-${i}`,
    doc: new Y.Doc(),
    role,
    outbox: [],
    inbox: [],
    acked: [],
    refusals: [],
  }));
  rooms.attach({
    broadcast: (_sessionId, message, except) => {
      for (const c of clients) if (c.id !== except) c.inbox.push({ kind: 'broadcast', bytes: message });
    },
    publish: () => undefined,
    publishClosed: () => undefined,
  });
  const room = await rooms.acquire(sessionId);
  const remote = Symbol('remote');

  const send = async (client: HarnessClient, update: Uint8Array) => {
    try {
      await room.commit(update, { origin: { source: 'socket', socketId: client.id }, writer: client.role });
      client.acked.push(update);
    } catch (error) {
      client.refusals.push((error as { code?: string }).code ?? 'THROWN');
    }
  };

  return {
    sessionId,
    room,
    rooms,
    faults,
    clients,
    edit(client, change) {
      let update: Uint8Array | null = null;
      const take = (u: Uint8Array, origin: unknown) => {
        if (origin !== remote) update = u;
      };
      client.doc.on('update', take);
      client.doc.transact(() => change(client.doc));
      client.doc.off('update', take);
      if (update) client.outbox.push({ kind: 'update', bytes: update });
    },
    async deliverToRoom(client, index = 0) {
      const [message] = client.outbox.splice(index, 1);
      if (message) await send(client, message.bytes);
    },
    deliverToClient(client, index = 0) {
      const [message] = client.inbox.splice(index, 1);
      if (!message) return;
      const decoded = decodeSyncMessage(message.bytes);
      if (decoded.type !== 'step1') Y.applyUpdate(client.doc, decoded.update, remote);
    },
    async resync(client) {
      await room.ready();
      Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(client.doc)), remote);
      const lacking = Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(room.doc));
      client.outbox = [];
      await send(client, lacking);
    },
    async stored() {
      const doc = new Y.Doc();
      const stored = await faults.inner.loadDocument(sessionId);
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u.data);
      return doc;
    },
    async close() {
      await rooms.closeAll();
      await faults.inner.close();
    },
  };
}
