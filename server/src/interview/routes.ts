import { Router } from 'express';
import * as Y from 'yjs';
import { may, phaseDurations, readBoard } from '../../../core/src';
import type { PromptLibrary } from '../data/prompts';
import { authorize } from '../http/auth';
import { HttpError } from '../http/errors';
import type { RoomRegistry } from '../rooms/registry';
import type { Storage } from '../storage/types';
import { maySeePrivate } from '../http/share-policy';
import type { InterviewService } from './service';
import { readRecommendation, reviewVisible, verdictRouter } from './verdict-routes';

export function interviewRouter(deps: { storage: Storage; rooms: RoomRegistry; prompts: PromptLibrary; service: InterviewService }): Router {
  const { storage, rooms, prompts, service } = deps;
  const router = Router();
  router.use(verdictRouter(storage));

  router.get('/api/sessions/:id/interview', async (req, res) => {
    const { session } = await authorize(storage, req);
    res.json(await service.publicView(session.id));
  });

  router.get('/api/sessions/:id/private', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    if (!(await maySeePrivate(service, session, role))) throw new HttpError('FORBIDDEN', 'private notes and scores are for the interviewer');
    const view = await service.privateView(session.id);
    res.json({ ...view, review: service.humanReview(session.prompt, view.scores) });
  });

  /** The prompt with its answer key: what a strong answer covers, follow-up points, mistakes. */
  router.get('/api/sessions/:id/prompt', async (req, res) => {
    const { session } = await authorize(storage, req, 'prompt.read');
    const prompt = prompts.get(session.prompt);
    if (!prompt) throw new HttpError('NOT_FOUND', `the prompt "${session.prompt}" is no longer in the library`);
    res.json(prompt);
  });

  router.post('/api/sessions/:id/close', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    if (!may(role, 'session.close', { mode: session.mode })) throw new HttpError('FORBIDDEN', 'only the interviewer ends a live session');
    if (session.closedAt) throw new HttpError('SESSION_CLOSED', 'this session has already ended');
    await rooms.with(session.id, (room) => room.flush());
    const interview = await service.close(session);
    rooms.sessionClosed(session.id, interview.closedAt ?? Date.now(), 'local');
    res.json({ interview });
  });

  router.get('/api/sessions/:id/summary', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    const board = await rooms.with(session.id, async (room) => readBoard(room.doc));
    const { interview, questions } = await service.publicView(session.id);
    const reviews = await storage.listReviews(session.id);
    const latest = (kind: string) => reviews.filter((r) => r.reviewer === kind).at(-1)?.review ?? null;
    const latestMachine = () => reviews.filter((r) => r.reviewer !== 'human').at(-1)?.review ?? null;
    const privateOk = await maySeePrivate(service, session, role);
    const rulesVisible = await reviewVisible(storage, session, role);
    res.json({
      session: { id: session.id, prompt: session.prompt, mode: session.mode, createdAt: session.createdAt, closedAt: session.closedAt },
      role,
      board,
      interview,
      phases: phaseDurations(interview, session.closedAt ?? Date.now()),
      questions,
      // `rules` holds the latest machine review, whichever reviewer wrote it (its `reviewer` says which).
      reviews: { rules: rulesVisible ? latestMachine() : null, human: privateOk ? latest('human') : null },
      /** Whether the candidate sees the automatic review (false while the interviewer holds it back). */
      reviewReleased: await reviewVisible(storage, session, 'candidate'),
      // The interviewer's own record of the round: never in a candidate's summary.
      private: privateOk
        ? { notes: await storage.listNotes(session.id), recommendation: await readRecommendation(storage, session.id) }
        : null,
    });
  });

  /** The moments the board changed, for the replay slider. */
  router.get('/api/sessions/:id/timeline', async (req, res) => {
    const { session } = await authorize(storage, req);
    const history = await storage.loadHistory(session.id);
    const interview = await service.state(session.id);
    res.json({
      points: history.map((h) => ({ seq: h.seq, at: h.at })),
      phases: phaseDurations(interview, session.closedAt ?? Date.now()),
      phaseLog: interview.phaseLog,
    });
  });

  /** The board as it was right after update `seq`. */
  router.get('/api/sessions/:id/replay', async (req, res) => {
    const { session } = await authorize(storage, req);
    const seq = Number(req.query.seq);
    if (!Number.isInteger(seq) || seq < 0) throw new HttpError('BAD_REQUEST', 'give ?seq= as a whole number from the timeline');
    const doc = new Y.Doc();
    try {
      const history = await storage.loadHistory(session.id);
      doc.transact(() => {
        for (const h of history) if (h.seq <= seq) Y.applyUpdate(doc, h.data);
      });
      res.json({ seq, board: readBoard(doc) });
    } finally {
      doc.destroy();
    }
  });

  return router;
}
