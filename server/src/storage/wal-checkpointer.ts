import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { CheckpointerData, CheckpointRound } from './wal-checkpoint-thread';

/** SQLite's own checkpoint threshold, in pages: what the writer falls back to. */
const AUTOCHECKPOINT_PAGES = 1000;
/** A WAL longer than this (16 MB with SQLite's default 4 KiB pages) that the thread cannot finish is finished by the writer. */
export const WAL_FRAMES_LIMIT = 4096;

export interface CheckpointerStats {
  rounds: number;
  /** Rounds after which the writer had to finish the checkpoint itself. */
  writerCheckpoints: number;
  last: CheckpointRound | null;
}

/**
 * Moves WAL checkpoints off the thread that writes the board log. Left to SQLite, the commit
 * that crosses 1,000 WAL pages copies them into the database file and fsyncs it before
 * returning: at 5,000 edits a second that was 1 commit in 60, each holding the event loop for
 * 5 to 46 ms, 43 % of all the time spent in SQLite (docs/benchmarks.md). Here a worker thread
 * checkpoints on its own connection, without blocking the writer, and a commit never does.
 *
 * SQLite starts a WAL over only when a write transaction begins with all of it copied. With
 * gaps between commits the thread gets there on its own; with commits back to back it copies
 * everything but never at the right moment, and the WAL grows. So when a round reports more
 * than WAL_FRAMES_LIMIT frames, the writer, idle between two commits, checkpoints once — only
 * what the thread has not copied yet — and its next commit starts the WAL over.
 * Durability does not change: a commit is in the WAL before it is acknowledged; a checkpoint
 * only copies it on. Should the thread stop, the writer checkpoints as SQLite would.
 */
export class WalCheckpointer {
  private worker: Worker | null;
  private readonly counts: CheckpointerStats = { rounds: 0, writerCheckpoints: 0, last: null };

  constructor(
    private readonly db: Database.Database,
    file: string,
    everyMs = 200,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    // After a WAL grown by a burst is started over, give the disk space back.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`journal_size_limit = ${WAL_FRAMES_LIMIT * pageSize}`);
    const data: CheckpointerData = { file, everyMs, framesLimit: WAL_FRAMES_LIMIT };
    const worker = new Worker(new URL('./wal-checkpoint.boot.mjs', import.meta.url), { workerData: data });
    // Housekeeping must not keep a finished script alive.
    worker.unref();
    worker.on('message', (round: CheckpointRound) => this.after(round));
    worker.on('error', (error) => process.emitWarning(`the WAL checkpointer stopped (${error.message}); SQLite checkpoints on the writer again`));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    });
    this.worker = worker;
  }

  get stats(): CheckpointerStats {
    return { ...this.counts };
  }

  /** Stops the thread (its connection closed); closing the last connection then checkpoints what is left. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }

  private after(round: CheckpointRound): void {
    this.counts.rounds++;
    this.counts.last = round;
    if (round.walFrames > WAL_FRAMES_LIMIT && this.db.open) {
      this.counts.writerCheckpoints++;
      this.db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}
