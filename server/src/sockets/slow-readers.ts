import type { Logger } from '../log';
import { tcpSocketOf, type EngineConnection } from './engine-internals';
import type { AppServer } from './types';

/** Bytes waiting for one client: packets Engine.IO holds back, plus what the TCP socket buffers. */
function bufferedBytes(connection: EngineConnection): number {
  let bytes = tcpSocketOf(connection.transport)?.writableLength ?? 0;
  for (const packet of connection.writeBuffer) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
    else if (data instanceof ArrayBuffer) bytes += data.byteLength;
  }
  return bytes;
}

/**
 * A client that stops reading (a frozen tab, a dead network that has not timed out) makes the
 * server keep everything sent to it in memory until the heartbeat gives up, 45 s or more later,
 * and at thousands of edits a second that is unbounded. Every `everyMs`, a connection holding
 * more than `maxBytes` unread is cut at the TCP level (a polite close would itself wait behind
 * the unread bytes). Its client reconnects and re-syncs like after any dropped connection:
 * nothing it wrote is lost, since unacknowledged edits are resent. Other sockets never wait
 * for it: writes are per socket.
 */
export function dropSlowReaders(io: AppServer, options: { maxBytes: number; everyMs: number; log: Logger }): () => void {
  const timer = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const connection = socket.conn as unknown as EngineConnection;
      const bytes = bufferedBytes(connection);
      if (bytes <= options.maxBytes) continue;
      options.log.warn({ sessionId: socket.data.session?.id, bufferedBytes: bytes }, 'dropping a client that stopped reading');
      const tcp = tcpSocketOf(connection.transport);
      if (tcp) tcp.destroy();
      else socket.disconnect(true);
    }
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
