import express, { Router } from 'express';
import { REVIEWER_EVENTS, reviewRequestSchema, type ProgressEvent } from '../../../core/src';
import type { LoadedRubrics } from '../data/rubrics';
import { reviewVisible } from '../interview/verdict-routes';
import type { Reviewers } from '../reviewers/registry';
import { reviewInputFor } from '../reviewers/review-input';
import type { ReviewerData } from '../reviewers/session-data';
import type { RoomRegistry } from '../rooms/registry';
import type { SessionRecord, Storage } from '../storage/types';
import type { Review } from '../../../core/src/rubric/schema';
import { newRequestId } from '../reviewers/ids';
import type { AppServer } from '../sockets/types';
import { authorize } from './auth';
import { HttpError } from './errors';
import { maySeePrivate } from './share-policy';
import type { InterviewService } from '../interview/service';

export function reviewsRouter(deps: {
  storage: Storage;
  rooms: RoomRegistry;
  rubrics: LoadedRubrics;
  reviewers: Reviewers;
  data: ReviewerData;
  io: AppServer;
  interview: InterviewService;
  onReview?: (session: SessionRecord, review: Review) => Promise<void>;
}): Router {
  const { storage, rubrics, reviewers, data, io, interview } = deps;
  const router = Router();

  router.get('/api/rubrics/:promptId', (req, res) => {
    const expectations = rubrics.forPrompt(req.params.promptId);
    if (!expectations) throw new HttpError('NOT_FOUND', `no rubric for prompt "${req.params.promptId}"`);
    res.json({ generic: rubrics.generic, prompt: expectations });
  });

  router.get('/api/reviewers', (_req, res) => {
    res.json({ reviewers: reviewers.list(), default: reviewers.defaultName });
  });

  router.post('/api/sessions/:id/reviews', express.json({ limit: '4kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, 'review.run');
    const body = reviewRequestSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', 'expected {reviewer?: "rules" | "openai", requestId?: string}');
    const requestId = body.data.requestId ?? newRequestId();
    // Reviews other than the interviewer's own are visible to everyone in the session, so is their progress.
    const progress = (stage: ProgressEvent['stage'], message: string) => io.to(session.id).emit(REVIEWER_EVENTS.progress, { requestId, stage, message });
    const input = await reviewInputFor(deps, session);
    const { review, meta } = await reviewers.run(body.data.reviewer ?? reviewers.defaultName, input, progress);
    const stored = await storage.addReview(session.id, review.reviewer, review, Date.now());
    await data.setMeta(session.id, stored.id, meta);
    await deps.onReview?.(session, review);
    // The body is exactly the contract's Review; where it is kept goes in Location.
    res.status(201).location(`/api/sessions/${session.id}/reviews/${stored.id}`).json(review);
  });

  router.get('/api/sessions/:id/reviews', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    const reviews = await storage.listReviews(session.id);
    const metas = await data.metas(session.id);
    // The interviewer's own scores are private: the interviewer's, and observers' while shared (as the summary).
    const visible = (await maySeePrivate(interview, session, role)) ? reviews : reviews.filter((r) => r.reviewer !== 'human');
    // The review made when a live round ends waits for the interviewer to release it.
    const held = session.closedAt !== null && !(await reviewVisible(storage, session, role));
    const shown = held ? visible.filter((r) => !(r.reviewer !== 'human' && r.createdAt === session.closedAt)) : visible;
    res.json(shown.map((r) => ({ id: r.id, createdAt: r.createdAt, review: r.review, meta: metas[String(r.id)] ?? null })));
  });

  return router;
}
