import express, { Router } from 'express';
import { z } from 'zod';
import { readBoard, replaceBoard } from '../../../core/src';
import { DesignDocError, formatDesignDoc, parseDesignDoc } from '../../../core/src/designdoc';
import type { PromptLibrary } from '../data/prompts';
import type { RoomRegistry } from '../rooms/registry';
import { applyServerChange, keepSessionPrompt } from '../rooms/server-change';
import { createSession } from '../sessions/service';
import type { Storage } from '../storage/types';
import { authorize } from './auth';
import { HttpError } from './errors';
import { FixedWindowLimiter } from './rate-limit';

/** Largest design doc a PUT accepts. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const createBody = z.object({
  prompt: z.string().min(1).max(80),
  mode: z.enum(['live', 'solo']).default('live'),
});

/** Origin of imports over HTTP: not a socket, so every connected client receives the change. */
const HTTP_IMPORT = { source: 'http-import' } as const;

export function sessionsRouter(deps: {
  storage: Storage;
  rooms: RoomRegistry;
  prompts: PromptLibrary;
  createPerMinute: number;
}): Router {
  const { storage, rooms, prompts } = deps;
  const router = Router();
  const createLimiter = new FixedWindowLimiter(deps.createPerMinute, 60_000);

  router.post('/api/sessions', express.json({ limit: '16kb' }), async (req, res) => {
    if (!createLimiter.take(req.ip ?? 'unknown')) {
      throw new HttpError('RATE_LIMITED', 'too many sessions created from this address; wait a minute');
    }
    const body = createBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', `expected {prompt, mode: "live"|"solo"}: ${z.prettifyError(body.error)}`);
    const prompt = prompts.get(body.data.prompt);
    if (!prompt) {
      const known = prompts.list().map((p) => p.id).join(', ');
      throw new HttpError('BAD_REQUEST', `unknown prompt "${body.data.prompt}"; known prompts: ${known}`);
    }
    const created = await createSession(storage, { prompt: prompt.id, title: prompt.title, mode: body.data.mode });
    res.status(201).json(created);
  });

  router.get('/api/sessions/:id', async (req, res) => {
    const { session, role } = await authorize(storage, req);
    res.json({ id: session.id, prompt: session.prompt, mode: session.mode, createdAt: session.createdAt, closedAt: session.closedAt, role });
  });

  router.get('/api/sessions/:id/document', async (req, res) => {
    const { session } = await authorize(storage, req);
    const board = await rooms.with(session.id, async (room) => readBoard(room.doc));
    if (req.accepts(['text/markdown', 'application/json']) === 'application/json') {
      res.json(board);
    } else {
      res.type('text/markdown; charset=utf-8').send(formatDesignDoc(board));
    }
  });

  router.put(
    '/api/sessions/:id/document',
    express.text({ type: () => true, limit: MAX_DOCUMENT_BYTES }),
    async (req, res) => {
      const { session, role } = await authorize(storage, req, 'board.write');
      if (session.closedAt) throw new HttpError('SESSION_CLOSED', 'this session has ended; the board is read-only');
      const text = typeof req.body === 'string' ? req.body : '';
      if (text.trim().length === 0) throw new HttpError('BAD_REQUEST', 'send the design doc (Markdown) as the request body');
      let parsed: ReturnType<typeof parseDesignDoc>;
      try {
        parsed = parseDesignDoc(text, { maxBytes: MAX_DOCUMENT_BYTES });
      } catch (error) {
        if (error instanceof DesignDocError) throw new HttpError(error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'BAD_REQUEST', error.message);
        throw error;
      }
      const warnings = parsed.warnings.map((w) => `line ${w.line}: ${w.message}`);
      const board = parsed.board;
      const promptWarning = keepSessionPrompt(board, session.prompt, 'document');
      if (promptWarning) warnings.push(promptWarning);
      await applyServerChange({ rooms }, session.id, (doc) => replaceBoard(doc, board, HTTP_IMPORT), { origin: HTTP_IMPORT, writer: role });
      // A replace leaves the board holding exactly the parsed design.
      res.json({ ok: true, nodes: board.nodes.length, edges: board.edges.length, warnings });
    },
  );

  return router;
}
