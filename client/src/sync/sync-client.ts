import type { Socket } from 'socket.io-client';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  EVENTS,
  WIRE_LIMITS,
  WRITER_ROLES,
  decodeSyncMessage,
  encodeStep1,
  encodeStep2Message,
  encodeUpdateMessage,
  type Ack,
  type ClientToServerEvents,
  type ErrorBody,
  type ServerToClientEvents,
  type SyncStep1Reply,
  type Welcome,
} from '../../../core/src';
import { REMOTE_ORIGIN } from './origins';
import { describeUndone, holdsMoreThan, rebuildDoc, touchedEntries, type EntryKey } from './rebuild';
import { splitUpdate } from './split';

export type SyncStatus = 'connecting' | 'syncing' | 'saved' | 'offline' | 'denied' | 'refused';

/** A change the server refused, which this client then undid by rebuilding its document. */
export interface Refusal {
  error: ErrorBody;
  /** When the board was rebuilt (epoch ms). */
  at: number;
  /** What disappeared from this screen, in words ("node “Cache”", "the API section"). */
  undone: string[];
}

export interface SyncState {
  status: SyncStatus;
  welcome: Welcome | null;
  pending: number;
  lastError: ErrorBody | null;
  /** The last refusal undone here, until the user dismisses it. */
  refusal: Refusal | null;
  /** The server will take no edit from this client: the session has ended, or the role only reads. */
  readOnly: boolean;
}

export interface SyncClientOptions {
  doc: Y.Doc;
  awareness: Awareness;
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  onState?: (state: SyncState) => void;
  /**
   * Called after a refusal replaced the document (and its awareness, which is bound to the
   * document's client id). The old ones are destroyed right after this returns.
   */
  onReplaced?: (doc: Y.Doc, awareness: Awareness) => void;
  ackTimeoutMs?: number;
  resyncIntervalMs?: number;
  /** Largest update sent in one message; larger ones are split (tests lower it). */
  maxUpdateBytes?: number;
}

/** A local change the server has not acknowledged yet, and the message that carries it (null: not sent). */
interface Change {
  touched: Set<EntryKey>;
  message: number | null;
}

/** Refusals after which this client may not write at all: nothing is carried over. */
const READ_ONLY_REFUSALS = new Set(['SESSION_CLOSED', 'FORBIDDEN']);

/** A step 1 from an empty state vector: the server answers with its whole document. */
const FULL_STATE_REQUEST = encodeStep1(new Y.Doc());
/** Room for the sync message's own header around an update. */
const MESSAGE_HEADER_BYTES = 16;

/** Handshake refusals that retrying cannot fix. */
const FINAL_REFUSALS = new Set(['UNAUTHORIZED', 'NOT_FOUND', 'PROTOCOL_MISMATCH', 'BAD_REQUEST', 'FORBIDDEN']);
/** Presence goes out at most 20 times a second: see onAwarenessUpdate. */
const PRESENCE_INTERVAL_MS = 50;

/** Write refusals after which the same bytes would be refused again. */
const PERMANENT_WRITE_ERRORS = new Set(['BAD_MESSAGE', 'TOO_LARGE', 'BOARD_FULL', 'FORBIDDEN', 'SESSION_CLOSED']);

/**
 * Keeps a Y.Doc in sync with the server over one Socket.IO connection (no browser APIs, so
 * Node tests drive the very code the app runs). On every (re)connect it runs the two-way
 * state-vector exchange — that, not Socket.IO's delivery, is what recovers edits made
 * offline or missed while away. Local edits are sent with an acknowledgement and count as
 * pending until the server says they are stored; anything unconfirmed is covered again by the
 * next exchange, which is safe because Yjs updates are idempotent.
 *
 * A refused edit (BOARD_FULL, TOO_LARGE, FORBIDDEN, SESSION_CLOSED, BAD_MESSAGE) is undone:
 * sending stops, and once every earlier message is answered the document is rebuilt from the
 * server's state, with the user's other unacknowledged work carried over where the refusal did
 * not touch it (rebuild.ts; docs/decisions/013-refused-edits.md). Until then the status is
 * `refused`, never `saved`.
 */
export class SyncClient {
  private doc: Y.Doc;
  private awareness: Awareness;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly ackTimeoutMs: number;
  private readonly maxUpdateBytes: number;
  private state: SyncState = { status: 'connecting', welcome: null, pending: 0, lastError: null, refusal: null, readOnly: false };
  private inflight = 0;
  /** Set when a local edit may not have reached the server; the next exchange sends everything. */
  private dirty = false;
  /** Changes every connection, so a late acknowledgement from an old one is ignored. */
  private generation = 0;
  private synced = false;
  /** The session has ended: the server takes no edit, whatever the role. */
  private closed = false;
  private changes: Change[] = [];
  private nextMessage = 1;
  /** Messages the server refused since the last rebuild, and the first refusal's reason. */
  private refused: { ids: Set<number>; error: ErrorBody } | null = null;
  private rebuilding = false;
  /** A change in several parts is on its way; later edits wait so they cannot overtake it. */
  private sendingParts = false;
  private resyncTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(private readonly options: SyncClientOptions) {
    this.doc = options.doc;
    this.awareness = options.awareness;
    this.socket = options.socket;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.maxUpdateBytes = options.maxUpdateBytes ?? WIRE_LIMITS.maxMessageBytes - MESSAGE_HEADER_BYTES;

    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.socket.on(EVENTS.sessionWelcome, this.onWelcome);
    this.socket.on(EVENTS.boardSync, this.onServerSync);
    this.socket.on(EVENTS.presenceUpdate, this.onPresence);
    this.socket.on(EVENTS.sessionError, this.onSessionError);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.resyncTimer = setInterval(() => void this.resync(), options.resyncIntervalMs ?? 20_000);
  }

  get current(): SyncState {
    return this.state;
  }

  /** The document in use: a new one after each rebuild. */
  get document(): Y.Doc {
    return this.doc;
  }

  /** The awareness in use, bound to `document`. */
  get presence(): Awareness {
    return this.awareness;
  }

  private get canWrite(): boolean {
    return this.state.welcome !== null && WRITER_ROLES.has(this.state.welcome.role) && !this.closed;
  }

  /**
   * Marks the session as ended (or open again). An ended session takes no edits, so anything
   * this client holds that the server does not is undone at once, before it is even sent.
   */
  setClosed(closed: boolean): void {
    if (this.closed === closed) return;
    this.closed = closed;
    this.publish({});
    if (closed) void this.checkAgainstServer();
  }

  /** Forgets the last refusal once the user has read it. */
  dismissRefusal(): void {
    this.publish({ refusal: null });
  }

  private publish(patch: Partial<SyncState>): void {
    const next = { ...this.state, ...patch };
    if (next.status !== 'denied') {
      if (this.refused) next.status = 'refused';
      else if (!this.socket.connected) next.status = this.state.welcome ? 'offline' : 'connecting';
      else if (!this.synced || this.inflight > 0 || this.dirty || this.rebuilding) next.status = 'syncing';
      else next.status = 'saved';
    }
    next.pending = this.inflight + (this.dirty ? 1 : 0);
    next.readOnly = next.welcome !== null && !this.canWrite;
    this.state = next;
    this.options.onState?.(next);
  }

  private onWelcome = (welcome: Welcome): void => {
    this.generation++;
    this.synced = false;
    this.publish({ welcome, lastError: null });
    void this.exchange(true);
    if (this.awareness.getLocalState()) this.flushPresence();
  };

  /**
   * The state-vector exchange: send our step 1, apply the server's step 2, then answer the
   * server's step 1 with everything it lacks. `full` forces the answer even when nothing
   * seems pending, because edits made offline before a reload are not counted anywhere.
   */
  private async exchange(full: boolean): Promise<void> {
    const generation = this.generation;
    let reply: Ack<SyncStep1Reply | Record<string, never>>;
    try {
      reply = await this.request(encodeStep1(this.doc));
    } catch {
      return; // timed out or disconnected; the next connect or resync tries again
    }
    if (generation !== this.generation || !reply.ok || !('step2' in reply.data)) {
      if (!reply.ok) this.publish({ lastError: reply.error });
      return;
    }
    const step2 = decodeSyncMessage(new Uint8Array(reply.data.step2));
    if (step2.type !== 'step1') Y.applyUpdate(this.doc, step2.update, REMOTE_ORIGIN);
    const serverStep1 = decodeSyncMessage(new Uint8Array(reply.data.step1));
    this.synced = true;
    if (this.refused) {
      this.publish({});
      if (this.inflight === 0) void this.rebuild();
      return;
    }
    // While a change goes out in parts, what it still has to send must not overtake it.
    if (this.canWrite && serverStep1.type === 'step1' && (full || this.dirty) && !this.sendingParts) {
      this.dirty = false;
      const missing = Y.encodeStateAsUpdate(this.doc, serverStep1.stateVector);
      const id = this.nextMessage++;
      for (const change of this.changes) if (change.message === null) change.message = id;
      void this.send(missing, 'step2', generation, id);
    } else if (full && !this.canWrite) {
      void this.checkAgainstServer();
    }
    this.publish({});
  }

  private request(message: Uint8Array): Promise<Ack<SyncStep1Reply | Record<string, never>>> {
    return this.socket.timeout(this.ackTimeoutMs).emitWithAck(EVENTS.boardSync, message);
  }

  /**
   * Sends one change (an update, or the step 2 of an exchange), split into parts under the
   * message limit, each part only once the one before it was stored.
   */
  private async send(update: Uint8Array, kind: 'update' | 'step2', generation: number, id: number): Promise<void> {
    this.inflight++;
    this.publish({});
    const parts = splitUpdate(update, this.maxUpdateBytes);
    // Sent in parts, the first ones would be stored before the server refused a later one,
    // leaving half a change on the board: what the server would refuse is refused here, whole.
    let reply: Ack<unknown> | null = this.refuseBeforeSending(parts);
    if (!reply) {
      this.sendingParts = parts.length > 1;
      for (const part of parts) {
        try {
          reply = await this.request(kind === 'update' ? encodeUpdateMessage(part) : encodeStep2Message(part));
        } catch {
          reply = null;
        }
        if (generation !== this.generation || !reply?.ok) break;
      }
    }
    if (parts.length > 1) this.sendingParts = false;
    if (generation !== this.generation) {
      // The new connection's exchange covers it, unless it ran while these parts were going out.
      if (this.dirty) this.scheduleRetry();
      return;
    }
    this.inflight--;
    if (reply?.ok) this.acknowledge(id);
    else if (reply && PERMANENT_WRITE_ERRORS.has(reply.error.code)) {
      this.refused ??= { ids: new Set(), error: reply.error };
      this.refused.ids.add(id);
    } else {
      for (const change of this.changes) if (change.message === id) change.message = null;
      this.dirty = true;
    }
    this.publish(reply && !reply.ok ? { lastError: reply.error } : {});
    if (this.refused && this.inflight === 0) void this.rebuild();
    else if (this.dirty && reply?.ok && parts.length > 1) void this.resync();
    else if (this.dirty) this.scheduleRetry();
  }

  /** The refusal the server would give some part of a change, or null when every part may go. */
  private refuseBeforeSending(parts: Uint8Array[]): Ack<never> | null {
    if (parts.some((part) => part.byteLength > this.maxUpdateBytes)) {
      return { ok: false, error: { code: 'TOO_LARGE', message: `one value of this change is larger than a message may carry (${WIRE_LIMITS.maxMessageBytes} bytes)` } };
    }
    if (parts.length > 1 && Y.encodeStateAsUpdate(this.doc).byteLength > WIRE_LIMITS.maxDocumentBytes) {
      return { ok: false, error: { code: 'BOARD_FULL', message: `the board would exceed ${WIRE_LIMITS.maxDocumentBytes} bytes; remove something first` } };
    }
    return null;
  }

  /**
   * The server stored message `id`. After a refusal, a later message of this client is
   * acknowledged yet cannot be used (its clocks follow the refused ones), so its changes stay
   * pending for the rebuild to carry over.
   */
  private acknowledge(id: number): void {
    if (this.refused && id > Math.min(...this.refused.ids)) return;
    this.changes = this.changes.filter((change) => change.message !== id);
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.destroyed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.resync();
    }, 1000);
  }

  private async resync(): Promise<void> {
    if (!this.socket.connected || !this.state.welcome || this.destroyed) return;
    await this.exchange(false);
  }

  /** The server's whole document, or null when it cannot be had now (a later exchange retries). */
  private async fetchServerState(): Promise<Uint8Array | null> {
    const generation = this.generation;
    let reply: Ack<SyncStep1Reply | Record<string, never>>;
    try {
      reply = await this.request(FULL_STATE_REQUEST);
    } catch {
      return null;
    }
    if (generation !== this.generation) return null;
    if (!reply.ok || !('step2' in reply.data)) {
      if (!reply.ok) this.publish({ lastError: reply.error });
      this.scheduleRetry();
      return null;
    }
    const message = decodeSyncMessage(new Uint8Array(reply.data.step2));
    return message.type === 'step1' ? null : message.update;
  }

  /**
   * For a client that may not write: if it holds anything the server does not (edits made in
   * the moment before it learnt the session ended, or kept in the browser from before), that
   * can never be stored, so the board is rebuilt from the server's.
   */
  private async checkAgainstServer(): Promise<void> {
    if (!this.socket.connected || !this.state.welcome || this.refused || this.rebuilding) return;
    if (this.inflight > 0) return; // those answers arrive first; a refusal among them rebuilds
    await this.rebuild({
      ids: new Set(),
      error: this.closed
        ? { code: 'SESSION_CLOSED', message: 'this session has ended; the board is read-only' }
        : { code: 'FORBIDDEN', message: `the ${this.state.welcome.role} role can read the board but not change it` },
    });
  }

  /**
   * Undoes what the server refused: fetches the server's whole document and, if this one
   * holds anything more, replaces it with a new document built from the server's, carrying
   * over the unacknowledged work the refusal did not touch (none when the client may no
   * longer write). The refusal is then shown until dismissed.
   */
  private async rebuild(refusal = this.refused): Promise<void> {
    if (!refusal || this.rebuilding || !this.socket.connected || !this.state.welcome || this.destroyed) return;
    this.rebuilding = true;
    try {
      const serverState = await this.fetchServerState();
      if (serverState === null || this.destroyed) return;
      if (refusal.error.code === 'SESSION_CLOSED') this.closed = true;
      const refusedEntries = new Set<EntryKey>();
      const laterEntries = new Set<EntryKey>();
      for (const change of this.changes) {
        const target = change.message !== null && refusal.ids.has(change.message) ? refusedEntries : laterEntries;
        for (const entry of change.touched) target.add(entry);
      }
      const writable = this.canWrite && !READ_ONLY_REFUSALS.has(refusal.error.code);
      const carry = new Set(writable ? [...laterEntries].filter((entry) => !refusedEntries.has(entry)) : []);
      const server = new Y.Doc();
      Y.applyUpdate(server, serverState);
      if (holdsMoreThan(this.doc, server)) {
        const next = rebuildDoc(this.doc, serverState, carry);
        const undone = describeUndone(this.doc, next);
        this.replaceDoc(next);
        this.changes = carry.size > 0 ? [{ touched: carry, message: null }] : [];
        this.dirty = carry.size > 0;
        if (this.refused === refusal) this.refused = null;
        this.publish({ refusal: { error: refusal.error, at: Date.now(), undone }, lastError: refusal.error });
      } else {
        // Nothing here differs from the server's board: the refused message held nothing new.
        Y.applyUpdate(this.doc, serverState, REMOTE_ORIGIN);
        this.changes = [];
        this.dirty = false;
        if (this.refused === refusal) this.refused = null;
        this.publish({});
      }
      server.destroy();
    } finally {
      this.rebuilding = false;
    }
    // Whatever reached the server while rebuilding arrives now, and carried work leaves.
    if (!this.destroyed) void this.exchange(false);
  }

  /** Moves to `next`, with a new awareness on its client id that keeps this user's presence. */
  private replaceDoc(next: Y.Doc): void {
    const old = this.doc;
    const oldAwareness = this.awareness;
    old.off('update', this.onDocUpdate);
    oldAwareness.off('update', this.onAwarenessUpdate);
    const awareness = new Awareness(next);
    const others = [...oldAwareness.getStates().keys()].filter((id) => id !== old.clientID);
    if (others.length > 0) applyAwarenessUpdate(awareness, encodeAwarenessUpdate(oldAwareness, others), 'remote');
    awareness.setLocalState(oldAwareness.getLocalState());
    // The old presence leaves explicitly, so no one sees this user twice until it times out.
    oldAwareness.setLocalState(null);
    if (this.socket.connected) this.socket.emit(EVENTS.presenceUpdate, encodeAwarenessUpdate(oldAwareness, [old.clientID]));
    this.doc = next;
    this.awareness = awareness;
    next.on('update', this.onDocUpdate);
    awareness.on('update', this.onAwarenessUpdate);
    this.options.onReplaced?.(next, awareness);
    this.flushPresence();
    oldAwareness.destroy();
    old.destroy();
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === REMOTE_ORIGIN || !this.state.welcome) return;
    if (!this.canWrite) {
      // A local edit the server will not take (the session ended a moment ago): undo it.
      void this.checkAgainstServer();
      return;
    }
    const change: Change = { touched: touchedEntries(transaction), message: null };
    this.changes.push(change);
    if (!this.socket.connected || !this.synced || this.refused || this.rebuilding || this.sendingParts) {
      this.dirty = true;
      this.publish({});
      return;
    }
    change.message = this.nextMessage++;
    void this.send(update, 'update', this.generation, change.message);
  };

  private onServerSync = (message: Uint8Array): void => {
    try {
      const decoded = decodeSyncMessage(new Uint8Array(message));
      if (decoded.type !== 'step1') Y.applyUpdate(this.doc, decoded.update, REMOTE_ORIGIN);
    } catch (error) {
      this.publish({ lastError: { code: 'BAD_MESSAGE', message: `bad update from server: ${(error as Error).message}` } });
    }
  };

  /**
   * Local presence changes are coalesced and sent as this client's whole state, at most every
   * PRESENCE_INTERVAL_MS. Not `volatile`: socket.io drops volatile packets whenever the
   * transport is busy (often, on long-polling), and a dropped last state (a selection, the
   * end of a drag) would stay wrong until the next change. Sending whole states means any
   * later packet repairs an earlier loss, and the interval keeps presence at no more than a
   * third of the server's per-socket message budget.
   */
  private onAwarenessUpdate = (_changes: unknown, origin: unknown): void => {
    if (origin !== 'local') return;
    this.presenceTimer ??= setTimeout(this.flushPresence, PRESENCE_INTERVAL_MS);
  };

  private flushPresence = (): void => {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    if (!this.socket.connected || this.destroyed) return;
    this.socket.emit(EVENTS.presenceUpdate, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
  };

  private onPresence = (update: Uint8Array): void => {
    try {
      applyAwarenessUpdate(this.awareness, new Uint8Array(update), 'remote');
    } catch {
      // A bad presence packet only costs a cursor; the next one replaces it.
    }
  };

  private onSessionError = (error: ErrorBody): void => {
    this.publish({ lastError: error });
  };

  private onDisconnect = (): void => {
    this.generation++;
    this.synced = false;
    if (this.inflight > 0) this.dirty = true;
    this.inflight = 0;
    // Answers to these will never come: whatever they carried goes again with the next exchange.
    for (const change of this.changes) {
      if (change.message !== null && !this.refused?.ids.has(change.message)) change.message = null;
    }
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, 'disconnect');
    this.publish({});
  };

  private onConnectError = (error: Error & { data?: { code?: string; message?: string } }): void => {
    const code = error.data?.code;
    if (code && FINAL_REFUSALS.has(code)) {
      this.publish({ status: 'denied', lastError: { code: code as ErrorBody['code'], message: error.data?.message ?? error.message } });
      return;
    }
    this.publish({});
    // A refusal by the server's middleware (as opposed to a dead transport) is not retried by
    // Socket.IO itself; the server said "try again later", so do.
    if (code && !this.socket.active && !this.destroyed) setTimeout(() => !this.destroyed && this.socket.connect(), 2000);
  };

  destroy(): void {
    this.destroyed = true;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.socket.off(EVENTS.sessionWelcome, this.onWelcome);
    this.socket.off(EVENTS.boardSync, this.onServerSync);
    this.socket.off(EVENTS.presenceUpdate, this.onPresence);
    this.socket.off(EVENTS.sessionError, this.onSessionError);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
  }
}
