import type { Logger } from '../log';
import type { Storage } from '../storage/types';
import { Room } from './room';

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

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly idleMs = 30_000,
  ) {}

  async acquire(sessionId: string): Promise<Room> {
    let entry = this.entries.get(sessionId);
    if (entry) {
      const room = await entry.room;
      if (room.isBroken) {
        this.entries.delete(sessionId);
        room.destroy();
        return this.acquire(sessionId);
      }
    } else {
      entry = { room: Room.load(sessionId, this.storage, this.log), users: 0, idleTimer: null };
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
