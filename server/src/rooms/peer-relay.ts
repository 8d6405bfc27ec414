import type { AppServer } from '../sockets/types';
import type { Logger } from '../log';
import type { RoomRegistry } from './registry';

const PEER_UPDATE = 'room:peer-update';
const PEER_CLOSED = 'room:peer-closed';

/**
 * Keeps the server-side documents of several nodes current. Clients on other nodes already
 * receive broadcasts through the Socket.IO adapter; this relays each stored change to the
 * other nodes' copies of the room so they answer sync requests with it too. Duplicates and
 * reordering are harmless: Yjs updates are idempotent and commutative. With one node (no
 * adapter) it does nothing.
 */
export class PeerRelay {
  private enabled = false;

  constructor(
    private readonly io: AppServer,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.io.on(PEER_CLOSED, (sessionId: unknown, at: unknown) => {
      if (typeof sessionId === 'string' && typeof at === 'number') this.rooms.sessionClosed(sessionId, at, 'peer');
    });
    this.io.on(PEER_UPDATE, (sessionId: unknown, update: unknown, seq: unknown) => {
      if (typeof sessionId !== 'string' || !(update instanceof Uint8Array) || typeof seq !== 'number') return;
      void this.rooms.peek(sessionId).then((room) => {
        try {
          room?.applyPeerUpdate(update, seq);
        } catch (error) {
          this.log.warn({ err: error, sessionId }, 'could not apply an update from another node');
        }
      });
    });
  }

  publish(sessionId: string, update: Uint8Array, seq: number): void {
    if (this.enabled) this.io.serverSideEmit(PEER_UPDATE, sessionId, update, seq);
  }

  /** Tells the other nodes a session ended, so their rooms refuse edits at once too. */
  publishClosed(sessionId: string, at: number): void {
    if (this.enabled) this.io.serverSideEmit(PEER_CLOSED, sessionId, at);
  }
}
