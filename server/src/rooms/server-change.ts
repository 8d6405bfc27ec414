import type * as Y from 'yjs';
import { HttpError } from '../http/errors';
import type { RoomRegistry } from './registry';
import { RoomError, type CommitOrigin } from './room';

export interface ServerChangeDeps {
  rooms: RoomRegistry;
}

/**
 * The one place an HTTP route changes a live board: the change goes through the room's commit
 * pipeline as one transaction (stored, sent to every connected client and to the other server
 * nodes). A refused change leaves the board as it was and becomes the matching HTTP error.
 */
export async function applyServerChange(deps: ServerChangeDeps, sessionId: string, change: (doc: Y.Doc) => void, origin: CommitOrigin): Promise<void> {
  await deps.rooms.with(sessionId, async (room) => {
    try {
      await room.commit(change, { origin, writer: 'server' });
    } catch (error) {
      if (error instanceof RoomError) throw new HttpError(error.code, error.message);
      throw error;
    }
  });
}
