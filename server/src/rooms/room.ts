import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { ROOT_TYPE_NAMES, WIRE_LIMITS, checkUpdate, MalformedMessageError, type Role, type UpdateCheck } from '../../../core/src';
import type { Storage } from '../storage/types';
import type { Logger } from '../log';

export class RoomError extends Error {
  constructor(
    readonly code: 'BAD_MESSAGE' | 'BOARD_FULL' | 'FORBIDDEN' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

/** Origin of updates relayed from other server nodes. */
const PEER_ORIGIN = Symbol('peer-node');

/** Compact after this many appended updates since the last snapshot. */
const COMPACT_EVERY = 500;

/**
 * One open session's board: the authoritative Y.Doc, its awareness, and its durable log.
 * Changes are serialised through one promise chain so the log order matches the order in
 * which they were applied, and an edit is acknowledged only after it is in the log.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  private chain: Promise<unknown> = Promise.resolve();
  private lastSeq = 0;
  private sinceSnapshot = 0;
  private approxBytes = 0;
  private broken = false;

  private constructor(
    readonly sessionId: string,
    private readonly storage: Storage,
    private readonly log: Logger,
  ) {
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  static async load(sessionId: string, storage: Storage, log: Logger): Promise<Room> {
    const room = new Room(sessionId, storage, log);
    const stored = await storage.loadDocument(sessionId);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(room.doc, u.data);
    });
    room.lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
    room.sinceSnapshot = stored.updates.length;
    room.approxBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
    return room;
  }

  /** True once a storage failure left memory and disk possibly apart; the room must be reloaded. */
  get isBroken(): boolean {
    return this.broken;
  }

  /**
   * Applies a client's update, stores what actually changed, and resolves with that change
   * (null when the update held nothing new: resends and periodic resyncs are common).
   * Throws RoomError and changes nothing when the update is malformed or too large, or signs a
   * comment with a role other than the writer's.
   */
  applyClientUpdate(update: Uint8Array, origin: unknown, writer: Role): Promise<Uint8Array | null> {
    let check: UpdateCheck;
    try {
      check = checkUpdate(update, ROOT_TYPE_NAMES);
    } catch (error) {
      const message = error instanceof MalformedMessageError ? error.message : 'malformed update';
      return Promise.reject(new RoomError('BAD_MESSAGE', message));
    }
    if (check.roles.some((role) => role !== writer)) {
      return Promise.reject(new RoomError('FORBIDDEN', `a comment is signed with its writer's role, and this link is the ${writer}'s`));
    }
    if (this.approxBytes + update.byteLength > WIRE_LIMITS.maxDocumentBytes) {
      return Promise.reject(
        new RoomError('BOARD_FULL', `the board would exceed ${WIRE_LIMITS.maxDocumentBytes} bytes; remove something first`),
      );
    }
    return this.serialise(() => this.capture(() => Y.applyUpdate(this.doc, update, origin), origin, update));
  }

  /** Runs a server-side change (an import, say) as one transaction, stored like any edit. */
  applyServerChange(change: (doc: Y.Doc) => void, origin: unknown): Promise<Uint8Array | null> {
    return this.serialise(() => this.capture(() => this.doc.transact(() => change(this.doc), origin), origin, null));
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      if (this.broken) throw new RoomError('UNAVAILABLE', 'the board is reloading after a storage error; retry');
      return task();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async capture(apply: () => void, origin: unknown, raw: Uint8Array | null): Promise<Uint8Array | null> {
    const changes: Uint8Array[] = [];
    const onUpdate = (u: Uint8Array, o: unknown) => {
      if (o === origin) changes.push(u);
    };
    this.doc.on('update', onUpdate);
    try {
      apply();
    } finally {
      this.doc.off('update', onUpdate);
    }
    // An update whose dependencies have not arrived waits inside Yjs without emitting a
    // change; store the raw bytes too so an acknowledged edit is never only in memory.
    const pending = raw !== null && (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null);
    if (pending) changes.push(raw);
    if (changes.length === 0) return null;
    const merged = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
    try {
      this.lastSeq = await this.storage.appendUpdate(this.sessionId, merged, Date.now());
    } catch (error) {
      this.broken = true;
      this.log.error({ err: error, sessionId: this.sessionId }, 'could not store an update; room marked for reload');
      throw new RoomError('UNAVAILABLE', 'the server could not store this edit; it will be retried');
    }
    this.approxBytes += merged.byteLength;
    this.sinceSnapshot++;
    if (this.sinceSnapshot >= COMPACT_EVERY) void this.compact();
    return pending ? null : merged;
  }

  /**
   * An update another server node already stored: apply it to this copy, store nothing.
   * Anything it depends on and this node lacks heals on the next client sync.
   */
  applyPeerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, PEER_ORIGIN);
  }

  /** Folds the log into one snapshot. Safe at any time: it snapshots exactly what is stored. */
  compact(): Promise<void> {
    return this.serialise(async () => {
      if (this.sinceSnapshot === 0) return;
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      await this.storage.compact(this.sessionId, snapshot, this.lastSeq);
      this.sinceSnapshot = 0;
      this.approxBytes = snapshot.byteLength;
    }).catch((error: unknown) => {
      // Compaction failing loses nothing (the log is intact); say so and carry on.
      this.log.warn({ err: error, sessionId: this.sessionId }, 'compaction failed');
    });
  }

  /** Waits for every queued change to be stored. */
  async flush(): Promise<void> {
    await this.chain;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
