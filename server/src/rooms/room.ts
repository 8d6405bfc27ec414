import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  ROOT_TYPE_NAMES,
  WIRE_LIMITS,
  encodeUpdateMessage,
  inspectUpdate,
  may,
  type ErrorCode,
  type Role,
} from '../../../core/src';
import type { SessionRecord, Storage } from '../storage/types';
import type { Logger } from '../log';
import type { CommitLog } from './commit-log';

export class RoomError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Who made a change: a socket (never sent its own change back), or a server-side writer. */
export interface CommitOrigin {
  /** What wrote it: `socket`, `http-import`, `reviewer`, … */
  source: string;
  /** The Socket.IO id of the sending socket, which the broadcast skips. */
  socketId?: string;
}

export interface CommitOptions {
  origin: CommitOrigin;
  /** The writer's role; `server` for a change the server makes on its own behalf. */
  writer: Role | 'server';
  /**
   * The y-protocols update message `input` arrived in, when it came in one. When the change is
   * `input` itself (the usual case) the broadcast sends these bytes on as they came, which are
   * exactly what encoding the change again would give.
   */
  message?: Uint8Array;
}

/** A change that is stored: what listeners of `onCommitted` receive. */
export interface Committed {
  sessionId: string;
  /** The Yjs update holding exactly what changed. */
  update: Uint8Array;
  seq: number;
  at: number;
  origin: CommitOrigin;
  writer: Role | 'server';
  /** It only moved or resized nodes: listeners that read the board's meaning may skip it. */
  layoutOnly: boolean;
}

/** How a room reaches the world outside the process: sockets and the other server nodes. */
export interface RoomTransport {
  /** Sends a y-protocols update message to every socket in the room except `exceptSocketId`. */
  broadcast(sessionId: string, message: Uint8Array, exceptSocketId?: string): void;
  /** Hands a stored change to the other server nodes' copies of the room. */
  publish(sessionId: string, update: Uint8Array, seq: number): void;
  /** Tells the other server nodes the session ended. */
  publishClosed(sessionId: string, at: number): void;
}

export interface RoomDeps {
  storage: Storage;
  commits: CommitLog;
  transport: () => RoomTransport;
  /** Listeners for every room's commits (registry-wide hooks). */
  committed: (change: Committed) => void;
  log: Logger;
}

/** Take a snapshot after this many stored updates since the last one. */
const COMPACT_EVERY = 500;

/**
 * One open session's board, and the owner of every change to it. `commit` is the one
 * pipeline every writer uses — a client's update, an import, a reviewer:
 * check → apply → store (group commit, see CommitLog) → acknowledge (the promise resolves) →
 * relay to other nodes → broadcast → `onCommitted` listeners. A change that fails a check
 * changes nothing. The session's state the hot path needs (closed? mode) is cached here and
 * updated by `markClosed`, so an edit costs no storage read.
 */
export class Room {
  readonly awareness: Awareness;
  private current: Y.Doc;
  private readonly listeners = new Set<(change: Committed) => void>();
  /** The last write issued: once it settles, every write issued so far is stored or failed. Await through `writesSettled`. */
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** Every seq up to this one is in `doc`: a snapshot may claim exactly this much. */
  private contiguousSeq = 0;
  private readonly seqsAbove = new Set<number>();
  private sinceSnapshot = 0;
  private approxBytes = 0;
  private reloading: Promise<void> | null = null;
  private compacting = false;

  private constructor(
    private session: SessionRecord,
    private readonly deps: RoomDeps,
  ) {
    this.current = this.newDoc();
    this.awareness = new Awareness(this.current);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  static async load(session: SessionRecord, deps: RoomDeps): Promise<Room> {
    const room = new Room(session, deps);
    await room.fill(room.current);
    return room;
  }

  get sessionId(): string {
    return this.session.id;
  }

  /** The authoritative document. Replaced (same room) when the room reloads after a failure. */
  get doc(): Y.Doc {
    return this.current;
  }

  get mode(): SessionRecord['mode'] {
    return this.session.mode;
  }

  get closedAt(): number | null {
    return this.session.closedAt;
  }

  /** Resolves once the room is usable (it may be reloading from storage after a failure). */
  async ready(): Promise<void> {
    if (this.reloading) await this.reloading;
  }

  /** Called when the session ends (here or on another node): the board becomes read-only. */
  markClosed(at: number): void {
    this.session = { ...this.session, closedAt: this.session.closedAt ?? at };
  }

  /** Subscribes to this room's stored changes; returns the unsubscribe function. */
  onCommitted(listener: (change: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The one way to change the board. `input` is a client's Yjs update or a function that
   * edits the document (run in one transaction). Resolves once the change is stored, with
   * what changed (null when nothing did: resends are common); rejects with a RoomError and
   * changes nothing when a check fails.
   */
  commit(input: Uint8Array | ((doc: Y.Doc) => void), options: CommitOptions): Promise<Committed | null> {
    try {
      return this.run(input, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private run(input: Uint8Array | ((doc: Y.Doc) => void), options: CommitOptions): Promise<Committed | null> {
    if (this.reloading) throw new RoomError('UNAVAILABLE', 'the board is reloading after a storage error; retry');
    if (this.session.closedAt !== null) throw new RoomError('SESSION_CLOSED', 'this session has ended; the board is read-only');
    const { writer } = options;
    if (writer !== 'server' && !may(writer, 'board.write', { mode: this.session.mode })) {
      throw new RoomError('FORBIDDEN', `the ${writer} role can read the board but not change it`);
    }
    let fresh = false;
    let layoutOnly = false;
    if (input instanceof Uint8Array) {
      if (this.approxBytes + input.byteLength > WIRE_LIMITS.maxDocumentBytes) {
        throw new RoomError('BOARD_FULL', `the board would exceed ${WIRE_LIMITS.maxDocumentBytes} bytes; remove something first`);
      }
      const inspection = inspectUpdate(this.current, input, { allowedRoots: ROOT_TYPE_NAMES, signer: writer === 'server' ? null : writer });
      if (inspection.refusal) throw new RoomError(inspection.refusal.code, inspection.refusal.message);
      fresh = inspection.fresh;
      layoutOnly = inspection.layoutOnly;
    }
    const change = this.apply(input, fresh);
    // Nothing new (a resend): acknowledge once whatever it repeats is stored.
    if (!change) return this.writesSettled();
    const message = change === input && options.message ? options.message : encodeUpdateMessage(change);
    return this.store(change, message, options, layoutOnly);
  }

  /**
   * Applies the input; returns the change it produced, or null when it held nothing new. A
   * fresh update (every item new) is its own change; anything else is captured from Yjs,
   * which then encodes exactly what changed (a resend yields nothing).
   */
  private apply(input: Uint8Array | ((doc: Y.Doc) => void), fresh: boolean): Uint8Array | null {
    const doc = this.current;
    // Only a change that may repeat what the document holds needs Yjs to say what it changed:
    // the listener (and the encoding Yjs does for it) stays off the common, fresh path.
    const captured: Uint8Array[] = [];
    const capture = fresh ? null : (update: Uint8Array) => captured.push(update);
    if (capture) doc.on('update', capture);
    try {
      if (input instanceof Uint8Array) Y.applyUpdate(doc, input, this);
      else doc.transact(() => input(doc), this);
    } catch (error) {
      // Yjs integrates item by item: a throw may leave part of the change in memory.
      this.reload(error);
      throw new RoomError('BAD_MESSAGE', `the update could not be applied: ${(error as Error).message}`);
    } finally {
      if (capture) doc.off('update', capture);
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      this.reload(new Error('an update left items waiting for missing dependencies'));
      throw new RoomError('OUT_OF_SYNC', "the update depends on changes the server does not hold; rebuild from the server's state");
    }
    if (fresh) return input as Uint8Array;
    if (captured.length === 0) return null;
    return captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
  }

  /**
   * Hands the change to the group commit; once stored, acknowledges it (the returned promise
   * resolves), relays and broadcasts it and tells the listeners. Written with `then` rather
   * than `await`: this runs for every edit, and each await is one more promise and turn.
   */
  private store(change: Uint8Array, message: Uint8Array, options: CommitOptions, layoutOnly: boolean): Promise<Committed> {
    const at = Date.now();
    const write = this.deps.commits.append(this.sessionId, change, at);
    // Those who wait for it (resends, flush, compaction, reload) only need it settled.
    this.lastWrite = write;
    return write.then(
      (seq) => this.stored({ sessionId: this.sessionId, update: change, seq, at, origin: options.origin, writer: options.writer, layoutOnly }, message),
      (error: unknown) => {
        this.reload(error);
        throw new RoomError('UNAVAILABLE', 'the server could not store this edit; retry');
      },
    );
  }

  private stored(committed: Committed, message: Uint8Array): Committed {
    const { update, seq } = committed;
    this.approxBytes += update.byteLength;
    this.sinceSnapshot++;
    this.noteSeq(seq);
    const transport = this.deps.transport();
    // Other nodes first, so a peer's copy holds the change before its clients can build on it.
    transport.publish(this.sessionId, update, seq);
    transport.broadcast(this.sessionId, message, committed.origin.socketId);
    this.notify(committed);
    if (this.sinceSnapshot >= COMPACT_EVERY) void this.compact();
    return committed;
  }

  private notify(change: Committed): void {
    for (const listener of [this.deps.committed, ...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.deps.log.error({ err: error, sessionId: this.sessionId }, 'an onCommitted listener failed');
      }
    }
  }

  /**
   * An update another node already stored as `seq`: apply it to this copy, store nothing.
   * Anything it depends on and this node lacks heals on the next client sync.
   */
  applyPeerUpdate(update: Uint8Array, seq: number): void {
    if (this.reloading) return;
    Y.applyUpdate(this.current, update, PEER_ORIGIN);
    this.approxBytes += update.byteLength;
    this.noteSeq(seq);
  }

  private noteSeq(seq: number): void {
    if (seq <= this.contiguousSeq) return;
    // The usual case on one node: the next number, with nothing waiting above it.
    if (seq === this.contiguousSeq + 1 && this.seqsAbove.size === 0) {
      this.contiguousSeq = seq;
      return;
    }
    this.seqsAbove.add(seq);
    while (this.seqsAbove.delete(this.contiguousSeq + 1)) this.contiguousSeq++;
  }

  /**
   * Stores a snapshot of this copy, claiming only the updates it is known to hold: every seq
   * up to the first one it has not seen. On two nodes, a peer's lower-numbered update not yet
   * relayed here therefore stays in the log for the next load.
   */
  async compact(): Promise<void> {
    if (this.compacting || this.reloading || this.sinceSnapshot === 0) return;
    this.compacting = true;
    try {
      await this.writesSettled();
      const upto = this.contiguousSeq;
      const snapshot = Y.encodeStateAsUpdate(this.current);
      await this.deps.storage.compact(this.sessionId, snapshot, upto);
      this.sinceSnapshot = 0;
      this.approxBytes = snapshot.byteLength;
    } catch (error) {
      // Compaction failing loses nothing (the log is intact); say so and carry on.
      this.deps.log.warn({ err: error, sessionId: this.sessionId }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  /** Resolves (never rejects) once every write issued so far is stored or failed. */
  private writesSettled(): Promise<null> {
    return this.lastWrite.then(nothing, nothing);
  }

  /** Waits for every change issued so far to be stored. */
  async flush(): Promise<void> {
    await this.writesSettled();
    if (this.reloading) await this.reloading;
  }

  destroy(): void {
    this.awareness.destroy();
    this.current.destroy();
  }

  private newDoc(): Y.Doc {
    return new Y.Doc({ gc: true });
  }

  private async fill(doc: Y.Doc): Promise<void> {
    const stored = await this.deps.storage.loadDocument(this.sessionId);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    });
    this.contiguousSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
    this.seqsAbove.clear();
    this.sinceSnapshot = stored.updates.length;
    this.approxBytes = Y.encodeStateAsUpdate(doc).byteLength;
  }

  /**
   * Memory and storage may have parted (a failed write, an update that threw half way):
   * rebuild the document from storage, in place, so sockets keep their room. Writes are
   * refused with UNAVAILABLE (retry) until it is done.
   */
  private reload(cause: unknown): void {
    if (this.reloading) return;
    this.deps.log.error({ err: cause, sessionId: this.sessionId }, 'room reloads from storage');
    const attempt = async (): Promise<void> => {
      for (let delay = 100; ; delay = Math.min(delay * 2, 5000)) {
        try {
          await this.writesSettled();
          const doc = this.newDoc();
          await this.fill(doc);
          // The old document is dropped, not destroyed: destroying it would end the awareness.
          this.current = doc;
          return;
        } catch (error) {
          this.deps.log.error({ err: error, sessionId: this.sessionId }, 'room reload failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    };
    this.reloading = attempt().finally(() => {
      this.reloading = null;
    });
  }
}

const nothing = (): null => null;

/** Origin of updates relayed from other server nodes. */
const PEER_ORIGIN = Symbol('peer-node');
