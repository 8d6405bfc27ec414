import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '../../../core/src';
import type { Room } from '../rooms/room';
import type { SessionRecord } from '../storage/types';
import type { TokenBucket } from './rate-limit';

/** What the handshake attaches to every accepted socket. */
export interface SocketData {
  session: SessionRecord;
  role: Role;
  room: Room;
  bucket: TokenBucket;
  awarenessIds: Set<number>;
}

/** Events between server nodes go through `serverSideEmit`, untyped on purpose: they are checked on arrival. */
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
