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
 * as the pipeline asks: the Yjs relay, plus each update appended to SQLite in the
 * server's own table and settings (WAL, synchronous=NORMAL), one transaction per event-loop
 * turn, closed early once its oldest edit has waited 0.5 ms, as the server's commit log does.
 * Only then is the edit acknowledged and broadcast. It writes to sockets as the server does
 * (one corked write per socket per tick: server/src/sockets/write-batching.ts), so it has every
 * trick the server has. It never checkpoints (the server does so on another thread), which
 * only flatters it. What the server costs above this row is its checks, its room bookkeeping
 * and the reviewer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Server, type Socket } from 'socket.io';
import * as Y from 'yjs';
import { decodeSyncMessage } from '../core/src';
import { batchSocketWrites } from '../server/src/sockets/write-batching';

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

/** The durable floor's store: one table like the server's, one transaction per batch. */
function openStore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'designroom-durable-floor-'));
  const db = new Database(path.join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE doc_updates (session_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (session_id, seq))');
  const insert = db.prepare('INSERT INTO doc_updates (session_id, seq, data, created_at) VALUES (?, ?, ?, ?)');
  const seqs = new Map<string, number>();
  const write = db.transaction((batch: Pending[]) => {
    const at = Date.now();
    for (const { room, update } of batch) {
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      insert.run(room, seq, Buffer.from(update.buffer, update.byteOffset, update.byteLength), at);
    }
  });
  return { write, close: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

interface Pending {
  room: string;
  update: Uint8Array;
  message: unknown;
  socket: Socket;
  ack: ((reply: unknown) => void) | null;
}

const store = durable ? openStore() : null;
let batch: Pending[] = [];
let openedAt = 0;
let flushQueued = false;

function flush(): void {
  flushQueued = false;
  if (batch.length === 0) return;
  const done = batch;
  batch = [];
  store!.write(done);
  for (const edit of done) {
    edit.socket.to(edit.room).emit('board:sync', edit.message);
    edit.ack?.({ ok: true, data: {} });
  }
}

function storeThenSend(edit: Pending): void {
  if (batch.length > 0 && performance.now() - openedAt >= 0.5) flush();
  if (batch.length === 0) openedAt = performance.now();
  batch.push(edit);
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
if (durable) batchSocketWrites(io.engine);
io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { sessionId?: unknown }).sessionId ?? '');
  void socket.join(room);
  socket.on('board:sync', (message: unknown, ack: unknown) => {
    const update = withYjs ? applyToRoom(room, message) : null;
    if (durable && update) {
      storeThenSend({ room, update, message, socket, ack: typeof ack === 'function' ? (ack as (reply: unknown) => void) : null });
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
  store?.close();
  process.exit(0);
});
