import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStep1, encodeUpdateMessage, putNode, readBoard, type Ack, type Board, type SyncStep1Reply } from '../../core/src';
import { connectClient, createSession, eventually, type CreatedSession, type TestClient } from '../support/board-client';
import { seededRandom } from '../support/random';
import { startServer, type RunningServer } from '../support/server';
import { connectRawSocket } from '../support/raw-socket';

/**
 * Faults from outside, against the real server: SIGKILL under load again and again, a
 * reconnect storm after a restart, and a flood of malformed messages and bodies. Bounded in
 * time; figures belong to the benchmark, these only check that nothing is lost or changed.
 */
const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  clients.forEach((c) => c.close());
  for (const s of servers) await s.stop().catch(() => undefined);
});

async function rawSocket(url: string, session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer'): Promise<Socket> {
  const socket = await connectRawSocket(url, session, role);
  sockets.push(socket);
  return socket;
}

async function board(url: string, session: CreatedSession): Promise<Board> {
  const res = await fetch(`${url}/api/sessions/${session.id}/document`, {
    headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Board;
}

/** The whole stored board as the server encodes it for a client that has nothing. */
async function wholeState(socket: Socket): Promise<Uint8Array> {
  const reply = (await socket.timeout(10_000).emitWithAck('board:sync', encodeStep1(new Y.Doc()))) as Ack<SyncStep1Reply>;
  if (!reply.ok) throw new Error(reply.error.message);
  return new Uint8Array(reply.data.step2);
}

/** Writes nodes one update at a time until stopped; returns the ids the server acknowledged. */
function writeUntilStopped(socket: Socket, prefix: string): { acked: string[]; stop: () => void; done: Promise<void> } {
  const doc = new Y.Doc();
  const acked: string[] = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped && socket.connected; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      const id = `${prefix}-${i}`;
      doc.transact(() => putNode(doc, { id, kind: 'service', label: id, x: i, y: 0, notes: '', props: {} }));
      const reply = await (socket.timeout(5000).emitWithAck('board:sync', encodeUpdateMessage(update!)) as Promise<Ack<unknown>>).catch(() => null);
      if (reply?.ok) acked.push(id);
      else if (reply === null) return;
      // Stay under the per-socket rate limit.
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { acked, stop: () => (stopped = true), done };
}

describe('faults from outside', () => {
  it('SIGKILL at random moments under load, five times in a row: every acknowledged edit is there after each restart', async () => {
    let server = await startServer();
    servers.push(server);
    const random = seededRandom(12);
    const sessions = await Promise.all(Array.from({ length: 4 }, () => createSession(server.url)));
    const acked = new Map<string, string[]>(sessions.map((s) => [s.id, []]));
    for (let round = 0; round < 5; round++) {
      const writers = await Promise.all(
        sessions.flatMap((session) =>
          (['candidate', 'interviewer'] as const).map(async (role) => ({
            session,
            writer: writeUntilStopped(await rawSocket(server.url, session, role), `r${round}-${role}`),
          })),
        ),
      );
      await eventually(() => writers.every((w) => w.writer.acked.length >= 3), 'some edits acknowledged');
      await new Promise((r) => setTimeout(r, Math.floor(random() * 400)));
      await server.kill();
      await Promise.all(writers.map((w) => w.writer.done));
      for (const w of writers) acked.get(w.session.id)!.push(...w.writer.acked);
      server = await server.restart();
      servers.push(server);
      for (const session of sessions) {
        const ids = new Set((await board(server.url, session)).nodes.map((n) => n.id));
        const missing = acked.get(session.id)!.filter((id) => !ids.has(id));
        expect(missing, `round ${round}: acknowledged but missing`).toEqual([]);
      }
    }
    expect([...acked.values()].flat().length).toBeGreaterThan(5 * 8 * 3 - 1);
  }, 300_000);

  it('200 clients reconnecting at once after a restart all converge', async () => {
    let server = await startServer({ env: { SESSION_CREATE_PER_MINUTE: '1000' } });
    servers.push(server);
    const sessions = await Promise.all(Array.from({ length: 100 }, () => createSession(server.url)));
    const pairs = sessions.map((session) => [
      connectClient(server.url, session.id, session.tokens.candidate),
      connectClient(server.url, session.id, session.tokens.interviewer),
    ]);
    clients.push(...pairs.flat());
    await Promise.all(pairs.flat().map((c) => c.until((s) => s.status === 'saved', 'first sync', 60_000)));
    pairs.forEach(([a], i) => a!.doc.transact(() => putNode(a!.doc, { id: `before-${i}`, kind: 'cache', label: 'b', x: 0, y: 0, notes: '', props: {} })));
    await Promise.all(pairs.map(([a]) => a!.until((s) => s.status === 'saved', 'stored', 60_000)));

    await server.stop();
    // Edits made while the server is down, on both sides of every room.
    pairs.forEach(([a, b], i) => {
      b!.doc.transact(() => putNode(b!.doc, { id: `offline-${i}`, kind: 'queue', label: 'o', x: 0, y: 0, notes: '', props: {} }));
      a!.doc.transact(() => putNode(a!.doc, { id: `offline-a-${i}`, kind: 'queue', label: 'o', x: 0, y: 0, notes: '', props: {} }));
    });
    server = await server.restart();
    servers.push(server);
    await Promise.all(pairs.flat().map((c) => c.until((s) => s.status === 'saved', 'resynced after restart', 90_000)));
    for (const [i, [a, b]] of pairs.entries()) {
      const expected = [`before-${i}`, `offline-${i}`, `offline-a-${i}`].sort();
      await eventually(() => readBoard(a!.doc).nodes.length === 3 && readBoard(b!.doc).nodes.length === 3, `room ${i} converged`, 60_000);
      expect(readBoard(a!.doc).nodes.map((n) => n.id)).toEqual(expected);
      expect(readBoard(b!.doc)).toEqual(readBoard(a!.doc));
      expect((await board(server.url, sessions[i]!)).nodes.map((n) => n.id)).toEqual(expected);
    }
  }, 300_000);

  it('thousands of random and malformed socket messages and HTTP bodies leave the server up and every board byte-identical', async () => {
    const server = await startServer();
    servers.push(server);
    const random = seededRandom(99);
    const sessions = await Promise.all(Array.from({ length: 3 }, () => createSession(server.url)));
    const writer = await rawSocket(server.url, sessions[0]!, 'candidate');
    const seed = new Y.Doc();
    putNode(seed, { id: 'kept', kind: 'service', label: 'kept', x: 1, y: 2, notes: 'n', props: {} });
    const stored = (await writer.timeout(10_000).emitWithAck('board:sync', encodeUpdateMessage(Y.encodeStateAsUpdate(seed)))) as Ack<unknown>;
    expect(stored.ok).toBe(true);

    const readers = await Promise.all(sessions.map((s) => rawSocket(server.url, s, 'observer')));
    const before = await Promise.all(readers.map(wholeState));
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const events = ['board:sync', 'presence:update', 'timer:control', 'question:ask', 'note:add', 'scores:update', 'nonsense', 'question:answer'];
    const payloads = (): unknown[] => [
      bytes(Math.floor(random() * 64)),
      Uint8Array.from([2, ...bytes(20)]),
      Uint8Array.from([0, 5, ...bytes(5)]),
      Uint8Array.from([1, 30, ...bytes(30)]),
      { text: 'x'.repeat(Math.floor(random() * 5000)) },
      { items: [{ id: 'api', score: random() * 10 }] },
      'string',
      null,
      [1, 2, 3],
    ];
    let sent = 0;
    for (const [s, session] of sessions.entries()) {
      for (const role of ['candidate', 'observer'] as const) {
        const socket = await rawSocket(server.url, session, role);
        for (let i = 0; i < 350; i++) {
          const event = events[Math.floor(random() * events.length)]!;
          const options = payloads();
          const payload = options[Math.floor(random() * options.length)];
          // Events without an acknowledgement in the protocol are sent without one.
          if (event === 'nonsense' || event === 'presence:update') socket.emit(event, payload);
          else await (socket.timeout(5000).emitWithAck(event, payload) as Promise<unknown>).catch(() => undefined);
          sent++;
        }
        expect(socket.connected, `session ${s} ${role} socket still up`).toBe(true);
      }
    }
    const bodies = ['{', 'null', '[]', '{"prompt":123}', 'x'.repeat(20_000), '\u0000\u0001', '{"mode":"nope","prompt":"url-shortener"}'];
    for (let i = 0; i < 600; i++) {
      const session = sessions[i % sessions.length]!;
      const body = bodies[i % bodies.length]!;
      const target = [
        { method: 'POST', path: '/api/sessions', token: null },
        { method: 'PUT', path: `/api/sessions/${session.id}/document`, token: session.tokens.observer },
        { method: 'PUT', path: `/api/sessions/${session.id}/document`, token: 'y'.repeat(43) },
        { method: 'POST', path: `/api/sessions/${session.id}/reviews`, token: session.tokens.observer },
        { method: 'POST', path: `/api/sessions/${session.id}/close`, token: session.tokens.candidate },
      ][i % 5]!;
      const res = await fetch(`${server.url}${target.path}`, {
        method: target.method,
        headers: { 'content-type': i % 2 ? 'application/json' : 'text/plain', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
        body,
      });
      expect(res.status, `${target.method} ${target.path}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      sent++;
    }
    expect(sent).toBeGreaterThan(2500);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const after = await Promise.all(readers.map(wholeState));
    for (let i = 0; i < sessions.length; i++) expect(Buffer.from(after[i]!).equals(Buffer.from(before[i]!)), `board ${i} byte-identical`).toBe(true);
  }, 300_000);
});
