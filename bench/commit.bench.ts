/**
 * The room's commit pipeline without a transport (`npm run bench -- commit`): what one edit
 * costs the server's own code — checks, Yjs apply, group commit to SQLite, the broadcast
 * message — with no sockets, so the figure does not move with the machine's other load the
 * way the socket load test's does. 500 rooms × 2 writers sending the load test's edit mix,
 * committed 12 at a time (one group commit per batch, as the server sees at 5,000 edits/s,
 * unless a GC pause inside a batch makes the commit log close it early, after 0.5 ms).
 * The live checklist is not in it: it has a budget of its own (checklist-pacer.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { ROOT_TYPE_NAMES, encodeUpdateMessage, inspectUpdate } from '../core/src';
import { createLogger } from '../server/src/log';
import { RoomRegistry } from '../server/src/rooms/registry';
import { createSession } from '../server/src/sessions/service';
import { openSqliteStorage } from '../server/src/storage/sqlite';
import { prepareEditMix, type MixedEdit } from './edit-mix';

const ROOMS = 500;
const WRITERS = 2;
const EDITS_PER_WRITER = 60;
const BATCH = 12;
const ROUNDS = 3;

interface Sent {
  sessionId: string;
  edit: MixedEdit;
  /** The update message it arrives in: the socket hands it to the commit, to broadcast as it came. */
  message: Uint8Array;
}

/** Every edit of every writer, interleaved the way concurrent rooms send them. */
function interleave(sessionIds: string[]): Sent[] {
  const streams = sessionIds.flatMap((sessionId) => Array.from({ length: WRITERS }, () => prepareEditMix(EDITS_PER_WRITER).map((edit) => ({ sessionId, edit, message: encodeUpdateMessage(edit.update) }))));
  const out: Sent[] = [];
  for (let i = 0; i < EDITS_PER_WRITER; i++) for (const stream of streams) if (stream[i]) out.push(stream[i]!);
  return out;
}

function gcWatcher(): { stop(): { count: number; ms: number } } {
  let count = 0;
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count++;
      ms += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return { count, ms };
    },
  };
}

async function oneRound(): Promise<{ cpuUs: number; wallUs: number; gc: { count: number; ms: number }; inspectUs: number; applyUs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'designroom-commit-bench-'));
  const storage = openSqliteStorage(dir);
  const rooms = new RoomRegistry(storage, createLogger('silent'), 600_000);
  try {
    const sessionIds: string[] = [];
    for (let i = 0; i < ROOMS; i++) sessionIds.push((await createSession(storage, { prompt: 'url-shortener', title: 'bench', mode: 'live' })).id);
    const open = new Map(await Promise.all(sessionIds.map(async (id) => [id, await rooms.acquire(id)] as const)));
    const sent = interleave(sessionIds);

    const gc = gcWatcher();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < sent.length; i += BATCH) {
      await Promise.all(
        sent.slice(i, i + BATCH).map(({ sessionId, edit, message }) =>
          open.get(sessionId)!.commit(edit.update, { origin: { source: 'socket', socketId: 'bench' }, writer: 'candidate', message }),
        ),
      );
    }
    const wallUs = ((performance.now() - t0) * 1000) / sent.length;
    const cpu = process.cpuUsage(cpu0);
    const gcPauses = gc.stop();

    // The two per-edit steps that dominate, on their own: the checks, then Yjs applying.
    const docs = new Map(sessionIds.map((id) => [id, new Y.Doc()]));
    let inspectMs = 0;
    let applyMs = 0;
    for (const { sessionId, edit } of sent) {
      const doc = docs.get(sessionId)!;
      const a = performance.now();
      inspectUpdate(doc, edit.update, { allowedRoots: ROOT_TYPE_NAMES, signer: 'candidate' });
      const b = performance.now();
      Y.applyUpdate(doc, edit.update);
      applyMs += performance.now() - b;
      inspectMs += b - a;
    }
    return { cpuUs: (cpu.user + cpu.system) / sent.length, wallUs, gc: gcPauses, inspectUs: (inspectMs * 1000) / sent.length, applyUs: (applyMs * 1000) / sent.length };
  } finally {
    await rooms.closeAll();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCommitBench(): Promise<string> {
  const edits = ROOMS * WRITERS * EDITS_PER_WRITER;
  const lines = [`${ROOMS} rooms × ${WRITERS} writers × ${EDITS_PER_WRITER} edits (${edits} edits), committed ${BATCH} per group commit; ${ROUNDS} rounds, fresh database each`];
  const rounds = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const result = await oneRound();
    rounds.push(result);
    lines.push(
      `  round ${r}: commit ${result.cpuUs.toFixed(1)} µs CPU per edit (${result.wallUs.toFixed(1)} µs wall), GC ${result.gc.count} pauses ${result.gc.ms.toFixed(0)} ms; of which checks ${result.inspectUs.toFixed(1)} µs, Yjs apply ${result.applyUs.toFixed(1)} µs`,
    );
  }
  const best = Math.min(...rounds.map((r) => r.cpuUs));
  lines.push(`  best round: ${best.toFixed(1)} µs CPU per edit, ${(1e6 / best).toFixed(0)} edits/s per core for the pipeline alone`);
  return lines.join('\n');
}
