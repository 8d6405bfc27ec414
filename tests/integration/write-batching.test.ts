import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { batchSocketWrites } from '../../server/src/sockets/write-batching';

/**
 * Write batching reaches into Engine.IO internals (`flush`, the transport's `send`): this
 * fails if an upgrade moves them. Everything the server sends one socket in one turn — a
 * binary event (two WebSocket frames) and a text event — must leave in one write to the TCP
 * socket, and arrive whole and in order.
 */
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

async function serve(batched: boolean): Promise<{ server: Server; client: Socket; http: HttpServer }> {
  const http = createServer();
  const server = new Server(http);
  if (batched) batchSocketWrites(server.engine);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
  cleanup.push(() => {
    client.disconnect();
    void server.close();
  });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  return { server, client, http };
}

/** Sends a binary and a text event in one turn; counts the writes reaching the TCP socket. */
async function sendBurst(batched: boolean): Promise<{ writes: number; received: string[] }> {
  const { server, client } = await serve(batched);
  const [socket] = [...server.sockets.sockets.values()];
  const tcp = (socket!.conn as unknown as { transport: { socket: { _socket: NetSocket } } }).transport.socket._socket;
  let writes = 0;
  const counted = tcp as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
  for (const method of ['_write', '_writev'] as const) {
    const original = counted[method]!.bind(tcp);
    counted[method] = (...args: unknown[]) => {
      writes++;
      return original(...args);
    };
  }
  const received: string[] = [];
  const done = new Promise<void>((resolve) => {
    client.on('bin', (data: ArrayBuffer) => received.push(`bin:${new Uint8Array(data).join(',')}`));
    client.on('text', (text: string) => {
      received.push(`text:${text}`);
      resolve();
    });
  });
  socket!.emit('bin', new Uint8Array([1, 2, 3]));
  socket!.emit('text', 'after');
  await done;
  return { writes, received };
}

describe('write batching', () => {
  it('sends a turn’s packets to one socket in a single write, whole and in order', async () => {
    const { writes, received } = await sendBurst(true);
    expect(received).toEqual(['bin:1,2,3', 'text:after']);
    expect(writes).toBe(1);
  });

  it('is what makes the difference: without it the same burst takes several writes', async () => {
    const { writes, received } = await sendBurst(false);
    expect(received).toEqual(['bin:1,2,3', 'text:after']);
    expect(writes).toBeGreaterThan(1);
  });
});
