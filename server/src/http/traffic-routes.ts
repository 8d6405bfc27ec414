import { Router } from 'express';
import { readBoard } from '../../../core/src';
import { readTrafficOverlay } from '../../../core/src/board/traffic-overlay';
import { parseTrafficMultiple, simulate, TRAFFIC_LIMITS } from '../../../core/src/traffic/index';
import type { LoadedRubrics } from '../data/rubrics';
import type { RoomRegistry } from '../rooms/registry';
import type { Storage } from '../storage/types';
import { authorize } from './auth';
import { HttpError } from './errors';

/**
 * The traffic model over HTTP: its capacity defaults (public data, like the prompt library),
 * and the contract answer for a session's live board at a multiple of its traffic. Figures
 * typed in the board's traffic panel win over the design's Estimation section, as on the board.
 */
export function trafficRouter(deps: { storage: Storage; rooms: RoomRegistry; rubrics: LoadedRubrics }): Router {
  const { storage, rooms, rubrics } = deps;
  const router = Router();
  const defaults = () => {
    if (!rubrics.capacity) throw new HttpError('UNAVAILABLE', 'the traffic model has no capacity defaults on this server');
    return rubrics.capacity;
  };

  router.get('/api/traffic/capacity', (_req, res) => {
    res.json(defaults());
  });

  router.get('/api/sessions/:id/simulation', async (req, res) => {
    const { session } = await authorize(storage, req);
    const raw = req.query.traffic;
    let traffic = 1;
    if (raw !== undefined) {
      const parsed = typeof raw === 'string' ? parseTrafficMultiple(raw) : undefined;
      if (parsed === undefined) throw new HttpError('BAD_REQUEST', `traffic must be one number from ${TRAFFIC_LIMITS.min} to ${TRAFFIC_LIMITS.max}, e.g. ?traffic=10`);
      traffic = parsed;
    }
    const { board, typed } = await rooms.with(session.id, async (room) => ({ board: readBoard(room.doc), typed: readTrafficOverlay(room.doc).typed }));
    res.json(simulate(board, defaults(), { traffic, ...(typed ? { typed } : {}) }));
  });

  return router;
}
