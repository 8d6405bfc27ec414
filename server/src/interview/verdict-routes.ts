import express, { Router } from 'express';
import { recommendationInputSchema, recommendationSchema, reviewReleaseSchema, type StoredRecommendation } from '../../../core/src';
import { authorize } from '../http/auth';
import { HttpError } from '../http/errors';
import type { SessionRecord, Storage } from '../storage/types';

const RECOMMENDATION_KEY = 'recommendation';
const RELEASE_KEY = 'review-release';

/** The interviewer's stored recommendation, or null when none was made (or the stored value is damaged). */
export async function readRecommendation(storage: Storage, sessionId: string): Promise<StoredRecommendation | null> {
  const parsed = recommendationSchema.safeParse(await storage.getValue(sessionId, RECOMMENDATION_KEY));
  return parsed.success ? parsed.data : null;
}

/**
 * Whether this role may see the automatic review now. After a live round it is the
 * interviewer's to hand over: the candidate sees it once released. Practising alone, it is theirs.
 */
export async function reviewVisible(storage: Storage, session: SessionRecord, role: string): Promise<boolean> {
  if (session.mode === 'solo' || role !== 'candidate') return true;
  const parsed = reviewReleaseSchema.safeParse(await storage.getValue(session.id, RELEASE_KEY));
  return parsed.success && parsed.data.released;
}

/** The interviewer's verdict: the hire recommendation and the release of the automatic review. */
export function verdictRouter(storage: Storage): Router {
  const router = Router();

  router.get('/api/sessions/:id/recommendation', async (req, res) => {
    const { session } = await authorize(storage, req, 'verdict.write');
    res.json({ recommendation: await readRecommendation(storage, session.id) });
  });

  router.put('/api/sessions/:id/recommendation', express.json({ limit: '8kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, 'verdict.write');
    const input = recommendationInputSchema.safeParse(req.body ?? {});
    if (!input.success) {
      throw new HttpError('BAD_REQUEST', 'expected {verdict: "strong-no-hire" | "no-hire" | "lean-hire" | "strong-hire", reason?: string up to 2000 characters}');
    }
    const stored: StoredRecommendation = { ...input.data, at: Date.now() };
    await storage.setValue(session.id, RECOMMENDATION_KEY, stored);
    res.json({ recommendation: stored });
  });

  router.put('/api/sessions/:id/review-release', express.json({ limit: '1kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, 'verdict.write');
    const input = reviewReleaseSchema.safeParse(req.body ?? {});
    if (!input.success) throw new HttpError('BAD_REQUEST', 'expected {released: boolean}');
    await storage.setValue(session.id, RELEASE_KEY, input.data);
    res.json(input.data);
  });

  return router;
}
