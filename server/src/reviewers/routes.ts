/**
 * HTTP for the reviewers' side of a session: answers to follow-up questions, hints per phase,
 * and curveballs. Bodies are zod-validated; errors are `{error:{code,message}}`.
 */
import express, { Router } from 'express';
import { answerRequestSchema, curveballRequestSchema, phaseIdSchema } from '../../../core/src';
import type { PromptLibrary } from '../data/prompts';
import { authorize } from '../http/auth';
import { HttpError } from '../http/errors';
import type { Storage } from '../storage/types';
import { UnknownPresetError, type CurveballService } from './curveballs';
import type { ReviewerParticipants } from './participant';
import { SessionLimitError, type ReviewerData } from './session-data';

const firstIssue = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'invalid body';
};

export function reviewerRouter(deps: {
  storage: Storage;
  prompts: PromptLibrary;
  data: ReviewerData;
  curveballs: CurveballService;
  participants: ReviewerParticipants;
}): Router {
  const { storage, prompts, data, curveballs, participants } = deps;
  const router = Router();

  router.post('/api/sessions/:id/answers', express.json({ limit: '16kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, 'answer.add');
    if (session.closedAt) throw new HttpError('SESSION_CLOSED', 'this session has ended');
    const body = answerRequestSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', `expected {item, question, text}: ${firstIssue(body.error)}`);
    try {
      const stored = await data.addAnswer(session.id, body.data, Date.now());
      await participants.refresh(session.id);
      res.status(201).json({ id: stored.id });
    } catch (error) {
      if (error instanceof SessionLimitError) throw new HttpError('TOO_LARGE', error.message);
      throw error;
    }
  });

  router.get('/api/sessions/:id/answers', async (req, res) => {
    const { session } = await authorize(storage, req);
    res.json({ answers: await data.answers(session.id) });
  });

  router.get('/api/sessions/:id/hints', async (req, res) => {
    const { session } = await authorize(storage, req, 'hints.read');
    const phase = phaseIdSchema.safeParse(req.query.phase);
    if (!phase.success) throw new HttpError('BAD_REQUEST', `give ?phase= as one of ${phaseIdSchema.options.join(', ')}`);
    const prompt = prompts.get(session.prompt);
    if (!prompt) throw new HttpError('NOT_FOUND', `the prompt "${session.prompt}" is no longer in the library`);
    res.json({ phase: phase.data, hints: prompt.hints[phase.data] ?? [] });
  });

  router.post('/api/sessions/:id/curveballs', express.json({ limit: '4kb' }), async (req, res) => {
    const { session } = await authorize(storage, req, 'curveball.add');
    // Practising alone, the curveball comes from the reviewer, whoever pressed the button.
    const by = session.mode === 'live' ? 'interviewer' : 'reviewer';
    if (session.closedAt) throw new HttpError('SESSION_CLOSED', 'this session has ended');
    const body = curveballRequestSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', `expected {text} or {preset, text?}: ${firstIssue(body.error)}`);
    try {
      res.status(201).json(await curveballs.add(session, body.data, by));
    } catch (error) {
      if (error instanceof UnknownPresetError) throw new HttpError('BAD_REQUEST', error.message);
      if (error instanceof SessionLimitError) throw new HttpError('TOO_LARGE', error.message);
      throw error;
    }
  });

  router.get('/api/sessions/:id/curveballs', async (req, res) => {
    const { session } = await authorize(storage, req);
    const list = await curveballs.list(session.id);
    const solo = session.mode === 'solo' ? curveballs.soloPlan(prompts.get(session.prompt), session.prompt) : undefined;
    res.json({
      curveballs: list.map(({ id, text, at, effect }) => ({ id, text, at, ...(effect ? { effect } : {}) })),
      presets: curveballs.presets(session.prompt).map(({ id, text, effect }) => ({ id, text, ...(effect ? { effect } : {}) })),
      ...(solo ? { soloAtMinute: solo.minute } : {}),
    });
  });

  return router;
}
