import type { Logger } from '../log';
import type { Storage } from '../storage/types';
import { CommitLog } from './commit-log';
import { Room, RoomError, type Committed, type RoomTransport } from './room';

interface Entry {
  room: Promise<Room>;
  users: number;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Open rooms by session id. A room is loaded on first use, kept while anyone uses it, and
 * compacted and dropped a little while after the last user leaves (the grace period spares
 * a reload when someone's connection blips).
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly commits: CommitLog;
  private readonly listeners = new Set<(change: Committed) => void>();
  private transport: RoomTransport = { broadcast: () => undefined, publish: () => undefined, publishClosed: () => undefined };

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly idleMs = 30_000,
  ) {
    this.commits = new CommitLog(storage);
  }

  /** Connects rooms to the sockets and the other nodes (done once Socket.IO exists). */
  attach(transport: RoomTransport): void {
    this.transport = transport;
  }

  /**
   * Subscribes to every room's stored changes (an AI reviewer, an exporter…): called after the
   * change is stored and broadcast, in commit order per room. Returns the unsubscribe function.
   */
  onCommitted(listener: (change: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The session ended (`local`: here, so the other nodes are told too; `peer`: on another
   * node): its open room turns read-only at once, without waiting to be reloaded.
   */
  sessionClosed(sessionId: string, at: number, where: 'local' | 'peer'): void {
    void this.entries.get(sessionId)?.room.then((room) => room.markClosed(at), () => undefined);
    if (where === 'local') this.transport.publishClosed(sessionId, at);
  }

  private async load(sessionId: string): Promise<Room> {
    const session = await this.storage.getSession(sessionId);
    if (!session) throw new RoomError('NOT_FOUND', 'no such session');
    return Room.load(session, {
      storage: this.storage,
      commits: this.commits,
      transport: () => this.transport,
      committed: (change) => this.listeners.forEach((listener) => listener(change)),
      log: this.log,
    });
  }

  async acquire(sessionId: string): Promise<Room> {
    let entry = this.entries.get(sessionId);
    if (!entry) {
      entry = { room: this.load(sessionId), users: 0, idleTimer: null };
      this.entries.set(sessionId, entry);
      entry.room.catch(() => this.entries.delete(sessionId));
    }
    entry.users++;
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    return entry.room;
  }

  release(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users > 0) return;
    entry.idleTimer = setTimeout(() => void this.unload(sessionId, entry), this.idleMs);
    entry.idleTimer.unref();
  }

  /** Runs `fn` with the room open, whether or not anyone is connected. */
  async with<T>(sessionId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(sessionId);
    try {
      return await fn(room);
    } finally {
      this.release(sessionId);
    }
  }

  /** The room if it is open now, without loading it. */
  async peek(sessionId: string): Promise<Room | undefined> {
    return this.entries.get(sessionId)?.room;
  }

  private async unload(sessionId: string, entry: Entry): Promise<void> {
    if (this.entries.get(sessionId) !== entry || entry.users > 0) return;
    this.entries.delete(sessionId);
    const room = await entry.room;
    await room.flush();
    await room.compact();
    room.destroy();
  }

  /** Stores everything pending and compacts every open room (shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      rooms.map(async (entry) => {
        if (entry.idleTimer) clearTimeout(entry.idleTimer);
        const room = await entry.room.catch(() => null);
        if (!room) return;
        await room.flush().catch(() => undefined);
        await room.compact();
        room.destroy();
      }),
    );
  }
}
