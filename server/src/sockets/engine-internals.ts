import type { Socket as NetSocket } from 'node:net';

/**
 * The few Engine.IO internals the server reaches into (write batching, dropping slow readers),
 * typed in one place. All have been stable since Engine.IO 4; the tests that use them
 * (`write-batching`, `slow-reader`) fail if they move.
 */
export interface EngineTransport {
  name: string;
  send(packets: unknown[]): void;
  /** The `ws` WebSocket of a websocket transport; its `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket };
}

export interface EngineConnection {
  flush(): void;
  transport: EngineTransport;
  /** Packets held back until the transport can write again. */
  writeBuffer: { data?: unknown }[];
  on(event: 'upgrade', listener: (transport: EngineTransport) => void): void;
}

/** The TCP socket under a connection's current transport, when it is a WebSocket. */
export function tcpSocketOf(transport: EngineTransport | undefined): NetSocket | undefined {
  return transport?.socket?._socket;
}
