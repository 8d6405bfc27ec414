import type * as Y from 'yjs';
import { HttpError } from '../http/errors';
import type { RoomRegistry } from './registry';
import type { Board } from '../../../core/src';
import { RoomError, type CommitOptions } from './room';

export interface ServerChangeDeps {
  rooms: RoomRegistry;
}

/**
 * The one place an HTTP route changes a live board: the change goes through the room's commit
 * pipeline as one transaction (checked against the writer's role, stored, sent to every
 * connected client and to the other server nodes). A refused change leaves the board as it was
 * and becomes the matching HTTP error.
 */
export async function applyServerChange(deps: ServerChangeDeps, sessionId: string, change: (doc: Y.Doc) => void, options: CommitOptions): Promise<void> {
  await deps.rooms.with(sessionId, async (room) => {
    try {
      await room.commit(change, options);
    } catch (error) {
      if (error instanceof RoomError) throw new HttpError(error.code, error.message);
      throw error;
    }
  });
}

/**
 * A design brought in over HTTP stays on the session's prompt: the file's own prompt, when it
 * names another, is replaced and the returned warning says so.
 */
export function keepSessionPrompt(board: Board, sessionPrompt: string, what: string): string | null {
  const named = board.meta.prompt;
  board.meta = { ...board.meta, prompt: sessionPrompt };
  return named && named !== sessionPrompt ? `the ${what} names prompt "${named}"; this session stays on "${sessionPrompt}"` : null;
}
