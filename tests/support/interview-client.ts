import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Ack } from '../../core/src';

/** A raw socket that records every event it receives, for checking what a role is sent. */
export interface RecordingSocket {
  socket: Socket;
  received: { event: string; payload: unknown }[];
  send(event: string, payload: unknown): Promise<Ack<unknown>>;
  /** Resolves with the first received payload of `event` that satisfies `test`. */
  next<T>(event: string, test?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function recordingSocket(url: string, sessionId: string, token: string): Promise<RecordingSocket> {
  const socket = io(url, {
    auth: { sessionId, token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const received: { event: string; payload: unknown }[] = [];
  const listeners = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    listeners.forEach((l) => l());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    received,
    send: (event, payload) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<unknown>>,
    next<T>(event: string, test: (payload: T) => boolean = () => true, timeoutMs = 10_000) {
      return new Promise<T>((resolve, reject) => {
        let index = 0;
        const check = () => {
          for (; index < received.length; index++) {
            const entry = received[index]!;
            if (entry.event === event && test(entry.payload as T)) {
              listeners.delete(check);
              clearTimeout(timer);
              resolve(entry.payload as T);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${event} matching within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => socket.disconnect(),
  };
}
