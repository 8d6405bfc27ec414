import type * as Y from 'yjs';
import type { Server } from 'socket.io';
import { EVENTS, encodeUpdateMessage } from '../../../core/src';
import { HttpError } from '../http/errors';
import type { PeerRelay } from './peer-relay';
import type { RoomRegistry } from './registry';
import { RoomError } from './room';

export interface ServerChangeDeps {
  rooms: RoomRegistry;
  io: Server;
  relay: PeerRelay;
}

/**
 * The one place an HTTP route changes a live board: the change runs as one transaction on the
 * room's document, is stored like any edit, and is sent to every connected client and to the
 * other server nodes. A change that throws before touching the document leaves it as it was.
 */
export async function applyServerChange(deps: ServerChangeDeps, sessionId: string, change: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
  return deps.rooms.with(sessionId, async (room) => {
    try {
      const update = await room.applyServerChange(change, origin);
      if (update) {
        deps.io.to(sessionId).emit(EVENTS.boardSync, encodeUpdateMessage(update));
        deps.relay.publish(sessionId, update);
      }
    } catch (error) {
      if (error instanceof RoomError) throw new HttpError(error.code, error.message);
      throw error;
    }
  });
}
