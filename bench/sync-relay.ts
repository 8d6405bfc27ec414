/**
 * The baseline of `npm run bench -- sync`: a bare Socket.IO relay with no state and no
 * storage. It speaks just enough of the board protocol for the same load clients: it joins a
 * socket to the room its handshake names, acknowledges every `board:sync` at once and sends
 * the same bytes to everyone else in the room. Prints "relay on <port>" once listening.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { sessionId?: unknown }).sessionId ?? '');
  void socket.join(room);
  socket.on('board:sync', (message: unknown, ack: unknown) => {
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
