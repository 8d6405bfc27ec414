import type { Socket as NetSocket } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeUpdateMessage, putNode, type Ack } from '../../core/src';
import { createSession, eventually } from '../support/board-client';
import { connectRawSocket } from '../support/raw-socket';
import { startServer, type RunningServer } from '../support/server';

/**
 * A client that stops reading must neither hold up the others nor make the server keep
 * everything sent to it. One socket stops reading its TCP connection; ten others flood the
 * room with presence (tens of megabytes meant for the stalled one) while one more writes
 * board edits that a healthy reader must all receive. Memory is judged by what the server
 * held for the stalled socket when it cut it (its log), not by RSS, which the flood's own
 * garbage moves by more than the limit.
 */
const MAX_BUFFERED = 4 * 1024 * 1024;
const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  for (const s of servers) await s.stop().catch(() => undefined);
});

/** The TCP socket under a socket.io-client WebSocket connection (Node's `ws`). */
function tcpOf(socket: Socket): NetSocket {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: NetSocket } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error('expected a websocket transport with a TCP socket');
  return tcp;
}

/** One participant's presence, about `bytes` large; each call is a new state (a repeated one would be ignored). */
function bulkyPresence(bytes: number): () => Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  const note = 'x'.repeat(bytes);
  let n = 0;
  return () => {
    awareness.setLocalState({ user: { name: 'flood' }, note, n: n++ });
    return encodeAwarenessUpdate(awareness, [awareness.clientID]);
  };
}

describe('a client that stops reading', () => {
  it('is dropped once it holds too much unread, while the others keep receiving every edit', async () => {
    const server = await startServer({ env: { SOCKET_MAX_BUFFERED_BYTES: String(MAX_BUFFERED) } });
    servers.push(server);
    const session = await createSession(server.url);
    const connect = async (role: 'candidate' | 'interviewer' | 'observer') => {
      const socket = await connectRawSocket(server.url, session, role);
      sockets.push(socket);
      return socket;
    };
    const stalled = await connect('interviewer');
    const healthy = await connect('observer');
    const editor = await connect('candidate');
    const flooders = await Promise.all(Array.from({ length: 10 }, () => connect('candidate')));

    let stalledDisconnected = false;
    stalled.on('disconnect', () => (stalledDisconnected = true));
    const healthyReceived = { edits: 0, presenceBytes: 0 };
    healthy.on('board:sync', () => healthyReceived.edits++);
    healthy.on('presence:update', (bytes: ArrayBuffer) => (healthyReceived.presenceBytes += bytes.byteLength));

    tcpOf(stalled).pause();

    // Presence: 10 sockets × 40 a second × 15 KB for about 10 s, addressed to everyone else.
    const presence = flooders.map(() => bulkyPresence(15_000));
    let flooding = true;
    const flood = Promise.all(
      flooders.map(async (socket, i) => {
        while (flooding) {
          socket.emit('presence:update', presence[i]!());
          await new Promise((r) => setTimeout(r, 25));
        }
      }),
    );
    // Board edits meanwhile: each acknowledged one must reach the healthy reader.
    const doc = new Y.Doc();
    let acked = 0;
    for (let i = 0; i < 100; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      doc.transact(() => putNode(doc, { id: `n${i}`, kind: 'service', label: `n${i}`, x: i, y: 0, notes: '', props: {} }));
      const reply = (await editor.timeout(10_000).emitWithAck('board:sync', encodeUpdateMessage(update!))) as Ack<unknown>;
      if (reply.ok) acked++;
      await new Promise((r) => setTimeout(r, 100));
    }
    flooding = false;
    await flood;

    expect(acked).toBe(100);
    await eventually(() => healthyReceived.edits >= 100, 'the healthy reader received every edit', 20_000);
    expect(healthy.connected).toBe(true);
    // The flood was real: the healthy reader got tens of megabytes of it.
    expect(healthyReceived.presenceBytes).toBeGreaterThan(40 * 1024 * 1024);
    // The server cut the stalled reader while it held little more than the limit (one
    // sweep's worth of flood above it), not the tens of megabytes sent its way.
    const drop = /"bufferedBytes":(\d+)[^\n]*dropping a client that stopped reading|dropping a client that stopped reading[^\n]*"bufferedBytes":(\d+)/.exec(server.output());
    expect(drop, 'the server logs the drop').not.toBeNull();
    const held = Number(drop![1] ?? drop![2]);
    expect(held).toBeGreaterThan(MAX_BUFFERED);
    expect(held).toBeLessThan(3 * MAX_BUFFERED);
    // Reading again, the stalled client finds its connection cut.
    tcpOf(stalled).resume();
    await eventually(() => stalledDisconnected, 'the stalled reader was disconnected by the server', 20_000);
  }, 90_000);
});
