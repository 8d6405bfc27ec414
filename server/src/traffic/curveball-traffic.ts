import { setTrafficOverlay } from '../../../core/src';
import type { Logger } from '../log';
import type { CurveballService } from '../reviewers/curveballs';
import type { RoomRegistry } from '../rooms/registry';

/** Marks the overlay change a curveball makes, for the update log and the replay. */
const CURVEBALL_TRAFFIC = { source: 'curveball-traffic' };

/**
 * "Traffic is now 10×": a curveball that multiplies traffic turns the board's traffic overlay on
 * at that multiple, for everyone in the room, through the room's own commit pipeline. The
 * curveball itself is already stored and pinned; failing to switch the overlay loses nothing
 * the candidate wrote, so it is logged rather than thrown back at the interviewer.
 */
export function linkCurveballsToTraffic(curveballs: CurveballService, rooms: RoomRegistry, log: Logger): () => void {
  return curveballs.onTraffic(({ sessionId, factor }) => {
    void rooms
      .with(sessionId, (room) =>
        room.commit((doc) => setTrafficOverlay(doc, { on: true, multiplier: factor }), { origin: CURVEBALL_TRAFFIC, writer: 'server' }),
      )
      .catch((error: unknown) => log.warn({ err: error, sessionId }, 'could not turn the traffic overlay on for a curveball'));
  });
}
