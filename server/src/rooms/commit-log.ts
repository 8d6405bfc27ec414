import type { Storage } from '../storage/types';

interface Pending {
  sessionId: string;
  data: Uint8Array;
  at: number;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: every update appended during one turn of the event loop, of any room, is
 * written in one storage transaction at the end of that turn (setImmediate), and each
 * caller's promise resolves with its sequence number once that transaction committed. One
 * batch is in flight at a time, so the log order is the append order. Nothing waits on a
 * timer: an edit that arrives alone is written on the same turn, as before.
 */
export class CommitLog {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly storage: Storage) {}

  append(sessionId: string, data: Uint8Array, at: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ sessionId, data, at, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.write());
  }

  private async write(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const seqs = await this.storage.appendUpdates(batch.map(({ sessionId, data, at }) => ({ sessionId, data, at })));
      batch.forEach((entry, i) => entry.resolve(seqs[i]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.scheduled = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
