import type { Socket } from 'socket.io-client';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  EVENTS,
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

export type SyncStatus = 'connecting' | 'syncing' | 'saved' | 'offline' | 'denied';

export interface SyncState {
  status: SyncStatus;
  welcome: Welcome | null;
  pending: number;
  lastError: ErrorBody | null;
}

export interface SyncClientOptions {
  doc: Y.Doc;
  awareness: Awareness;
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  onState?: (state: SyncState) => void;
  ackTimeoutMs?: number;
  resyncIntervalMs?: number;
}

/** Handshake refusals that retrying cannot fix. */
const FINAL_REFUSALS = new Set(['UNAUTHORIZED', 'NOT_FOUND', 'PROTOCOL_MISMATCH', 'BAD_REQUEST', 'FORBIDDEN']);
/** Write refusals after which the same bytes would be refused again. */
/** Presence goes out at most 20 times a second: see onAwarenessUpdate. */
const PRESENCE_INTERVAL_MS = 50;

const PERMANENT_WRITE_ERRORS = new Set(['BAD_MESSAGE', 'TOO_LARGE', 'BOARD_FULL', 'FORBIDDEN', 'SESSION_CLOSED']);

/**
 * Keeps a Y.Doc in sync with the server over one Socket.IO connection (no browser APIs, so
 * Node tests drive the very code the app runs). On every (re)connect it runs the two-way
 * state-vector exchange — that, not Socket.IO's delivery, is what recovers edits made
 * offline or missed while away. Local edits are sent with an acknowledgement and count as
 * pending until the server says they are stored; anything unconfirmed is covered again by the
 * next exchange, which is safe because Yjs updates are idempotent.
 */
export class SyncClient {
  private readonly doc: Y.Doc;
  private readonly awareness: Awareness;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly ackTimeoutMs: number;
  private state: SyncState = { status: 'connecting', welcome: null, pending: 0, lastError: null };
  private inflight = 0;
  /** Set when a local edit may not have reached the server; the next exchange sends everything. */
  private dirty = false;
  /** Changes every connection, so a late acknowledgement from an old one is ignored. */
  private generation = 0;
  private synced = false;
  private resyncTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(private readonly options: SyncClientOptions) {
    this.doc = options.doc;
    this.awareness = options.awareness;
    this.socket = options.socket;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;

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

  private get canWrite(): boolean {
    return this.state.welcome !== null && WRITER_ROLES.has(this.state.welcome.role);
  }

  private publish(patch: Partial<SyncState>): void {
    const next = { ...this.state, ...patch };
    if (next.status !== 'denied') {
      if (!this.socket.connected) next.status = this.state.welcome ? 'offline' : 'connecting';
      else if (!this.synced || this.inflight > 0 || this.dirty) next.status = 'syncing';
      else next.status = 'saved';
    }
    next.pending = this.inflight + (this.dirty ? 1 : 0);
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
    if (this.canWrite && serverStep1.type === 'step1' && (full || this.dirty)) {
      this.dirty = false;
      const missing = Y.encodeStateAsUpdate(this.doc, serverStep1.stateVector);
      void this.send(encodeStep2Message(missing), generation);
    }
    this.publish({});
  }

  private request(message: Uint8Array): Promise<Ack<SyncStep1Reply | Record<string, never>>> {
    return this.socket.timeout(this.ackTimeoutMs).emitWithAck(EVENTS.boardSync, message);
  }

  private async send(message: Uint8Array, generation: number): Promise<void> {
    this.inflight++;
    this.publish({});
    let reply: Ack<unknown> | null = null;
    try {
      reply = await this.request(message);
    } catch {
      reply = null;
    }
    if (generation !== this.generation) return; // the new connection's exchange covers it
    this.inflight--;
    if (!reply) this.dirty = true;
    else if (!reply.ok) {
      if (!PERMANENT_WRITE_ERRORS.has(reply.error.code)) this.dirty = true;
      this.publish({ lastError: reply.error });
      if (this.dirty) this.scheduleRetry();
      return;
    }
    this.publish({});
    if (this.dirty) this.scheduleRetry();
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

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN || !this.canWrite) return;
    if (!this.socket.connected || !this.synced) {
      this.dirty = true;
      this.publish({});
      return;
    }
    void this.send(encodeUpdateMessage(update), this.generation);
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
