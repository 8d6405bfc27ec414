import type { Server as EngineServer } from 'engine.io';
import { tcpSocketOf, type EngineConnection, type EngineTransport } from './engine-internals';

/**
 * Fewer socket writes per edit. Engine.IO writes each packet the moment it is queued and then
 * holds the rest until that write's callback, so one binary `board:sync` (a text header and an
 * attachment) costs two `writev` system calls, and an acknowledgement plus a peer's change to
 * the same socket in the same turn cost two more. Profiling at 5,000 edits/s put a quarter of
 * the server's busy time there (docs/benchmarks.md). Here each connection flushes once per
 * tick (after the code that queued packets has run) and a WebSocket batch is written with
 * the TCP socket corked, so everything one socket receives in a turn leaves in one `writev`.
 * Nothing waits on a timer: the flush runs before the event loop moves on.
 *
 * This reaches into two Engine.IO internals (`flush` and the transport's `send`, see
 * engine-internals.ts); `tests/integration/write-batching.test.ts` fails if either moves.
 */
const batched = new WeakSet<object>();

export function batchSocketWrites(engine: EngineServer): void {
  engine.on('connection', (connection: EngineConnection) => {
    const flushNow = connection.flush.bind(connection);
    let queued = false;
    connection.flush = () => {
      if (queued) return;
      queued = true;
      process.nextTick(() => {
        queued = false;
        flushNow();
      });
    };
    corkBatches(connection.transport);
    connection.on('upgrade', corkBatches);
  });
}

function corkBatches(transport: EngineTransport): void {
  if (transport.name !== 'websocket' || batched.has(transport)) return;
  batched.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    const tcp = tcpSocketOf(transport);
    tcp?.cork();
    try {
      send(packets);
    } finally {
      tcp?.uncork();
    }
  };
}
