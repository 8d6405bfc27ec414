/**
 * The only two things the AI reviewer needs from a room: observe the room's document, and
 * apply a change as the server (stored, then sent to everyone). Kept in this one file so the
 * room's commit pipeline can change underneath without touching the reviewer.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Room } from '../rooms/room';

/** Marks the reviewer's own changes, so it does not react to them. */
export const REVIEWER_ORIGIN = { source: 'ai-reviewer' };

export interface ReviewerSeam {
  readonly sessionId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Calls `onChange` after every change of the document's meaning not made by the reviewer (a drag is not one); returns the unsubscribe. */
  observe(onChange: () => void): () => void;
  /** Applies `change` as one server transaction, stores it and sends it to the room. */
  apply(change: (doc: Y.Doc) => void): Promise<void>;
}

export function reviewerSeam(room: Room): ReviewerSeam {
  return {
    sessionId: room.sessionId,
    get doc() {
      return room.doc;
    },
    awareness: room.awareness,
    observe(onChange) {
      // The room's commit hook, not the Y.Doc's: the room may swap its document when it reloads.
      return room.onCommitted((change) => {
        if (change.origin.source !== REVIEWER_ORIGIN.source && !change.layoutOnly) onChange();
      });
    },
    async apply(change) {
      await room.commit(change, { origin: REVIEWER_ORIGIN, writer: 'server' });
    },
  };
}
