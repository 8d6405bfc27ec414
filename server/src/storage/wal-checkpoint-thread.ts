/**
 * The WAL checkpointer thread (see wal-checkpointer.ts): on its own connection, every
 * `everyMs` it copies what the WAL holds into the database file without ever waiting on the
 * writer (PASSIVE), repeating at once while the writer added frames meanwhile, and reports
 * how far it got — at once when the WAL is too long, so the writer can finish it.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointerData {
  file: string;
  everyMs: number;
  /** Report at once, rather than keep catching up, once the WAL is longer than this. */
  framesLimit: number;
}

/** After a round: frames in the WAL, and how many of them are copied into the database file. */
export interface CheckpointRound {
  walFrames: number;
  copiedFrames: number;
}

const CATCH_UP_PASSES = 8;

const { file, everyMs, framesLimit } = workerData as CheckpointerData;
const db = new Database(file);

function round(): CheckpointRound {
  let last: CheckpointRound = { walFrames: 0, copiedFrames: 0 };
  for (let pass = 0; pass < CATCH_UP_PASSES; pass++) {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    last = { walFrames: row?.log ?? 0, copiedFrames: row?.checkpointed ?? 0 };
    if (last.copiedFrames >= last.walFrames || last.walFrames > framesLimit) break;
  }
  return last;
}

const timer = setInterval(() => parentPort!.postMessage(round()), everyMs);
parentPort!.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
