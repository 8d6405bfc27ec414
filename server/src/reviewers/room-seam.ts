/**
 * The only two things the AI reviewer needs from a room: observe the room's document, and
 * apply a change as the server (stored, then sent to everyone). Kept in this one file so the
 * room's commit pipeline can change underneath without touching the reviewer.
 */
import type { Server } from 'socket.io';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { EVENTS, encodeUpdateMessage } from '../../../core/src';
import type { PeerRelay } from '../rooms/peer-relay';
import type { Room } from '../rooms/room';

/** Marks the reviewer's own changes, so it does not react to them. */
export const REVIEWER_ORIGIN = { source: 'ai-reviewer' };

export interface ReviewerSeam {
  readonly sessionId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Calls `onChange` after every change of the document not made by the reviewer; returns the unsubscribe. */
  observe(onChange: () => void): () => void;
  /** Applies `change` as one server transaction, stores it and sends it to the room. */
  apply(change: (doc: Y.Doc) => void): Promise<void>;
}

export function reviewerSeam(room: Room, io: Server, relay: PeerRelay): ReviewerSeam {
  return {
    sessionId: room.sessionId,
    doc: room.doc,
    awareness: room.awareness,
    observe(onChange) {
      const listener = (_update: Uint8Array, origin: unknown) => {
        if (origin !== REVIEWER_ORIGIN) onChange();
      };
      room.doc.on('update', listener);
      return () => room.doc.off('update', listener);
    },
    async apply(change) {
      const update = await room.applyServerChange(change, REVIEWER_ORIGIN);
      if (update) {
        io.to(room.sessionId).emit(EVENTS.boardSync, encodeUpdateMessage(update));
        relay.publish(room.sessionId, update);
      }
    },
  };
}
