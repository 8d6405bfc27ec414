import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitLog } from '../../server/src/rooms/commit-log';
import { createSession } from '../../server/src/sessions/service';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/types';

const opened: Storage[] = [];
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
});

/** Real SQLite storage whose appendUpdates also records each batch's size. */
async function recordingStorage() {
  const storage = openSqliteStorage(mkdtempSync(path.join(tmpdir(), 'designroom-commitlog-')));
  opened.push(storage);
  const { id } = await createSession(storage, { prompt: 'url-shortener', title: 'commit log', mode: 'live' });
  const batches: number[] = [];
  const recording: Storage = Object.assign(Object.create(storage) as Storage, {
    appendUpdates: (batch: Parameters<Storage['appendUpdates']>[0]) => {
      batches.push(batch.length);
      return storage.appendUpdates(batch);
    },
  });
  return { storage: recording, sessionId: id, batches };
}

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('CommitLog', () => {
  it('writes the edits of one short turn as one batch, numbered in append order', async () => {
    const { storage, sessionId, batches } = await recordingStorage();
    // Closing early is the next test's; here a pause of the test process (GC, a loaded
    // machine) between two appends must not split the turn.
    const log = new CommitLog(storage, { closeAfterMs: 1000 });
    const seqs = await Promise.all([1, 2, 3].map((i) => log.append(sessionId, new Uint8Array([i]), Date.now())));
    expect(batches).toEqual([3]);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
  });

  it('closes a batch early when a long turn has kept its oldest edit waiting, without waiting for the turn to end', async () => {
    const { storage, sessionId, batches } = await recordingStorage();
    const log = new CommitLog(storage, { closeAfterMs: 2 });
    const first = log.append(sessionId, new Uint8Array([1]), Date.now());
    busyFor(3); // the rest of a busy turn: other sockets' messages
    const second = log.append(sessionId, new Uint8Array([2]), Date.now());
    // Written already, inside this turn: the first two edits, as one batch.
    expect(batches).toEqual([2]);
    const third = log.append(sessionId, new Uint8Array([3]), Date.now());
    const seqs = await Promise.all([first, second, third]);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect(batches).toEqual([2, 1]);
  });
});
