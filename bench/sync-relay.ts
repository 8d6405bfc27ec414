/**
 * The baselines of `npm run bench -- sync`: a bare Socket.IO relay with no state and no
 * storage. It speaks just enough of the board protocol for the same load clients: it joins a
 * socket to the room its handshake names, acknowledges every `board:sync` at once and sends
 * the same bytes to everyone else in the room. Prints "relay on <port>" once listening.
 *
 * With `--yjs` it is the floor of any Yjs server instead: the same relay, but each room keeps
 * a Y.Doc and every update is applied to it before it is sent on. No checks, no storage, no
 * reviewer: what the server costs above this row is what durability and safety cost.
 *
 * With `--durable` it is the floor of any Yjs server that stores an edit before sending it on,
 * as the pipeline asks: the Yjs relay, plus each update appended through the server's
 * own storage and group commit (openSqliteStorage and CommitLog: WAL, synchronous=NORMAL,
 * checkpoints on their own thread, one transaction per turn closed after 0.5 ms). Only once
 * stored is the edit acknowledged and broadcast. It writes to sockets as the server does (one
 * corked write per socket per tick: server/src/sockets/write-batching.ts), so it has every
 * trick the server has. What the server costs above this row is its checks, its room
 * bookkeeping and the reviewer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import { decodeSyncMessage } from '../core/src';
import { CommitLog } from '../server/src/rooms/commit-log';
import { batchSocketWrites } from '../server/src/sockets/write-batching';
import { openSqliteStorage } from '../server/src/storage/sqlite';

const durable = process.argv.includes('--durable');
const withYjs = durable || process.argv.includes('--yjs');
const docs = new Map<string, Y.Doc>();

/** Applies an update message to the room's Y.Doc; returns the update, or null for anything else. */
function applyToRoom(room: string, message: unknown): Uint8Array | null {
  if (!(message instanceof Uint8Array)) return null;
  const decoded = decodeSyncMessage(message);
  if (decoded.type === 'step1') return null;
  let doc = docs.get(room);
  if (!doc) docs.set(room, (doc = new Y.Doc()));
  Y.applyUpdate(doc, decoded.update);
  return decoded.update;
}

/** The durable floor's store: the server's own SQLite storage behind its group commit. */
function openStore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'designroom-durable-floor-'));
  const storage = openSqliteStorage(dir);
  const log = new CommitLog(storage);
  return {
    log,
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const store = durable ? openStore() : null;

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
if (durable) batchSocketWrites(io.engine);
io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { sessionId?: unknown }).sessionId ?? '');
  void socket.join(room);
  socket.on('board:sync', (message: unknown, ack: unknown) => {
    const update = withYjs ? applyToRoom(room, message) : null;
    if (store && update) {
      void store.log.append(room, update, Date.now()).then(() => {
        socket.to(room).emit('board:sync', message);
        if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: true, data: {} });
      });
      return;
    }
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
  void (store?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
