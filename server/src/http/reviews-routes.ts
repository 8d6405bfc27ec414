import express, { Router } from 'express';
import { z } from 'zod';
import { readBoard } from '../../../core/src';
import type { LoadedRubrics } from '../data/rubrics';
import { reviewVisible } from '../interview/verdict-routes';
import type { Reviewers } from '../reviewers/registry';
import type { RoomRegistry } from '../rooms/registry';
import type { Storage } from '../storage/types';
import { authorize, WRITERS } from './auth';
import { HttpError } from './errors';

const reviewRequest = z.object({ reviewer: z.enum(['rules', 'openai']).default('rules') });

export function reviewsRouter(deps: { storage: Storage; rooms: RoomRegistry; rubrics: LoadedRubrics; reviewers: Reviewers }): Router {
  const { storage, rooms, rubrics, reviewers } = deps;
  const router = Router();

  router.get('/api/rubrics/:promptId', (req, res) => {
    const expectations = rubrics.forPrompt(req.params.promptId);
    if (!expectations) throw new HttpError('NOT_FOUND', `no rubric for prompt "${req.params.promptId}"`);
    res.json({ generic: rubrics.generic, prompt: expectations });
  });

  router.post('/api/sessions/:id/reviews', express.json({ limit: '4kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, WRITERS);
    const body = reviewRequest.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', 'expected {reviewer?: "rules" | "openai"}');
    const board = await rooms.with(session.id, async (room) => readBoard(room.doc));
    const review = await reviewers.review(board, session.prompt, body.data.reviewer);
    const stored = await storage.addReview(session.id, review.reviewer, review, Date.now());
    // The body is exactly the contract's Review; where it is kept goes in Location.
    res.status(201).location(`/api/sessions/${session.id}/reviews/${stored.id}`).json(review);
  });

  router.get('/api/sessions/:id/reviews', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    const reviews = await storage.listReviews(session.id);
    // The interviewer's own scores are private to the interviewer.
    const visible = role === 'interviewer' ? reviews : reviews.filter((r) => r.reviewer !== 'human');
    // The review made when a live round ends waits for the interviewer to release it.
    const held = session.closedAt !== null && !(await reviewVisible(storage, session, role));
    const shown = held ? visible.filter((r) => !(r.reviewer === 'rules' && r.createdAt === session.closedAt)) : visible;
    res.json(shown.map((r) => ({ id: r.id, createdAt: r.createdAt, review: r.review })));
  });

  return router;
}
