import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, encodeUpdateMessage, putNode, readBoard, type Ack } from '../../core/src';
import { connectClient, createSession, eventually } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
});

describe('acknowledged edits survive SIGKILL', () => {
  it('every update acknowledged before the kill is on the board after a restart', async () => {
    const first = await startServer();
    servers.push(first);
    const session = await createSession(first.url);
    const socket: Socket = io(first.url, {
      auth: { sessionId: session.id, token: session.tokens.candidate, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });

    // One writer's doc, so each update builds on the previous one like a real client's.
    const doc = new Y.Doc();
    const acked: string[] = [];
    const total = 300;
    // The kill comes from outside the send loop, while updates are still streaming out.
    const killed = eventually(() => acked.length >= 100, '100 acknowledged updates').then(() => first.kill());
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      doc.transact(() => putNode(doc, { id: `n${i}`, kind: 'service', label: `node ${i}`, x: i, y: i, notes: '', props: {} }));
      const id = `n${i}`;
      sends.push(
        (socket.timeout(3000).emitWithAck('board:sync', encodeUpdateMessage(update!)) as Promise<Ack<unknown>>)
          .then((reply) => {
            if (reply.ok) acked.push(id);
          })
          .catch(() => undefined),
      );
      // Pace the burst at the per-socket rate limit so refusals do not muddy the count.
      if (i % 6 === 5) await new Promise((r) => setTimeout(r, 100));
    }
    await killed;
    await Promise.all(sends);
    socket.disconnect();
    expect(acked.length).toBeGreaterThanOrEqual(100);
    expect(acked.length).toBeLessThan(total);

    const second = await first.restart();
    servers.push(second);
    const reader = connectClient(second.url, session.id, session.tokens.observer);
    await reader.until((s) => s.status === 'saved', 'reader synced');
    const present = new Set(readBoard(reader.doc).nodes.map((n) => n.id));
    const lost = acked.filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    reader.close();
  });

  it('SIGTERM stores everything, compacts, and exits 0', async () => {
    const server = await startServer();
    servers.push(server);
    const session = await createSession(server.url);
    const a = connectClient(server.url, session.id, session.tokens.candidate);
    await a.until((s) => s.status === 'saved', 'synced');
    a.doc.transact(() => {
      for (let i = 0; i < 20; i++) putNode(a.doc, { id: `t${i}`, kind: 'queue', label: 'q', x: 0, y: 0, notes: '', props: {} });
    });
    await a.until((s) => s.status === 'saved', 'saved');
    a.close();
    expect(await server.stop()).toBe(0);
    const again = await server.restart();
    servers.push(again);
    const res = await fetch(`${again.url}/api/sessions/${session.id}/document`, {
      headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
    });
    const board = (await res.json()) as ReturnType<typeof readBoard>;
    expect(board.nodes).toHaveLength(20);
  });
});
