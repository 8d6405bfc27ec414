import express, { Router } from 'express';
import { z } from 'zod';
import { replaceBoard } from '../../../core/src';
import { MergeLimitError, mergeBoard } from '../../../core/src/board/merge';
import { EXCALIDRAW_MAX_BYTES, IMPORT_FORMATS, ImportError, importDesign, type ImportResult } from '../../../core/src/import';
import type { PromptLibrary } from '../data/prompts';
import { collectExportData } from '../export/collect';
import type { InterviewService } from '../interview/service';
import type { RoomRegistry } from '../rooms/registry';
import { applyServerChange, keepSessionPrompt } from '../rooms/server-change';
import type { Storage } from '../storage/types';
import { authorize } from './auth';
import { HttpError } from './errors';
import { exportFormatOf, sendExport } from './export-format';
import { maySeePrivate } from './share-policy';

/** Origin of imports over HTTP: not a socket, so every connected client receives the change. */
const HTTP_IMPORT = { source: 'http-import' };

const importQuery = z.object({
  // No default: a replace removes what is on the board, so the caller says which it wants.
  mode: z.enum(['replace', 'merge'], { error: 'choose ?mode=replace (the file becomes the board) or ?mode=merge (the file is added)' }),
  format: z.enum(IMPORT_FORMATS).optional(),
  filename: z.string().max(255).optional(),
});

export interface ExportRoutesDeps {
  storage: Storage;
  rooms: RoomRegistry;
  prompts: PromptLibrary;
  interview: InterviewService;
}

/** `GET /api/sessions/:id/export` and `POST /api/sessions/:id/import`. */
export function exportRouter(deps: ExportRoutesDeps): Router {
  const { storage } = deps;
  const router = Router();

  router.get('/api/sessions/:id/export', async (req, res) => {
    const format = exportFormatOf(req.query.format);
    const { session, role } = await authorize(storage, req);
    const includePrivate = await maySeePrivate(deps.interview, session, role);
    const data = await collectExportData(deps, session, { includePrivate, reviews: 'all' });
    sendExport(res, format, data, req.query.download !== '0');
  });

  router.post(
    '/api/sessions/:id/import',
    // The body parser's limit sits above the importer's so an oversized file gets the importer's clear message.
    express.text({ type: () => true, limit: EXCALIDRAW_MAX_BYTES + 64 * 1024 }),
    async (req, res) => {
      const query = importQuery.safeParse(req.query);
      if (!query.success) {
        throw new HttpError('BAD_REQUEST', `expected ?mode=replace|merge and optionally ?format=${IMPORT_FORMATS.join('|')}: ${z.prettifyError(query.error)}`);
      }
      const { session, role } = await authorize(storage, req, 'board.write');
      if (session.closedAt) throw new HttpError('SESSION_CLOSED', 'this session has ended; the board is read-only');
      const text = typeof req.body === 'string' ? req.body : '';
      if (text.trim().length === 0) throw new HttpError('BAD_REQUEST', 'send the design (design doc, Mermaid or Excalidraw) as the request body');
      let imported: ImportResult;
      try {
        imported = importDesign(text, { format: query.data.format, filename: query.data.filename });
      } catch (error) {
        if (error instanceof ImportError) throw new HttpError(error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'BAD_REQUEST', error.message);
        throw error;
      }
      const { board } = imported;
      const promptWarning = keepSessionPrompt(board, session.prompt, 'file');
      const warnings = promptWarning ? [...imported.warnings, promptWarning] : imported.warnings;
      const mode = query.data.mode;
      try {
        await applyServerChange(
          deps,
          session.id,
          (doc) => {
            if (mode === 'merge') mergeBoard(doc, board, HTTP_IMPORT);
            else replaceBoard(doc, board, HTTP_IMPORT);
          },
          { origin: HTTP_IMPORT, writer: role },
        );
      } catch (error) {
        if (error instanceof MergeLimitError) throw new HttpError('BOARD_FULL', error.message);
        throw error;
      }
      res.json({ ok: true, format: imported.format, mode, nodes: board.nodes.length, edges: board.edges.length, warnings, unmapped: imported.unmapped });
    },
  );

  return router;
}
