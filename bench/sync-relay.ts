/**
 * The baselines of `npm run bench -- sync`: a bare Socket.IO relay with no state and no
 * storage. It speaks just enough of the board protocol for the same load clients: it joins a
 * socket to the room its handshake names, acknowledges every `board:sync` at once and sends
 * the same bytes to everyone else in the room. Prints "relay on <port>" once listening.
 *
 * With `--yjs` it is the floor of any Yjs server instead: the same relay, but each room keeps
 * a Y.Doc and every update is applied to it before it is sent on. No checks, no storage, no
 * reviewer: what the server costs above this row is what durability and safety cost.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import { decodeSyncMessage } from '../core/src';

const withYjs = process.argv.includes('--yjs');
const docs = new Map<string, Y.Doc>();

function applyToRoom(room: string, message: unknown): void {
  if (!(message instanceof Uint8Array)) return;
  const decoded = decodeSyncMessage(message);
  if (decoded.type === 'step1') return;
  let doc = docs.get(room);
  if (!doc) docs.set(room, (doc = new Y.Doc()));
  Y.applyUpdate(doc, decoded.update);
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { sessionId?: unknown }).sessionId ?? '');
  void socket.join(room);
  socket.on('board:sync', (message: unknown, ack: unknown) => {
    if (withYjs) applyToRoom(room, message);
    socket.to(room).emit('board:sync', message);
    if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: true, data: {} });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  console.log(`relay on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
