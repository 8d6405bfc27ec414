import express, { Router, type Request } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { may } from '../../../core/src';
import { exportHtml } from '../../../core/src/export';
import { collectExportData, type CollectDeps } from '../export/collect';
import { hashToken, newToken } from '../sessions/tokens';
import type { StoredShare } from '../storage/shares';
import type { SessionRecord } from '../storage/types';
import { authorize } from './auth';
import { HttpError } from './errors';
import { exportFormatOf, sendExport } from './export-format';

const createShareBody = z.object({
  reviews: z.union([z.literal('all'), z.array(z.string().min(1).max(40)).min(1).max(200)]),
  includePrivate: z.boolean().default(false),
});

/** The path of a review link; the token is the whole capability. */
export function shareLink(token: string): string {
  return `/r/${token}`;
}

const publicShare = (share: StoredShare) => ({
  id: share.id,
  createdAt: share.createdAt,
  createdBy: share.createdBy,
  reviews: share.reviews,
  includePrivate: share.includePrivate,
  revokedAt: share.revokedAt,
});

/**
 * Read-only review links: made by the interviewer (or the candidate of a solo session), listed,
 * revoked; served as the HTML review at `/r/:token` and in any export format at
 * `/api/shared/:token`. A link shows the diagram, the chosen reviews, the questions and answers
 * and the summary; private notes and human scores only when the interviewer included them.
 */
export function shareRouter(deps: CollectDeps): Router {
  const { storage } = deps;
  const router = Router();

  router.post('/api/sessions/:id/shares', express.json({ limit: '16kb' }), async (req, res) => {
    const { session, role } = await authorize(storage, req, 'share.manage');
    const body = createShareBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError('BAD_REQUEST', `expected {reviews: "all" | [review ids], includePrivate?: boolean}: ${z.prettifyError(body.error)}`);
    const { includePrivate } = body.data;
    if (includePrivate && !may(role, 'share.private', { mode: session.mode })) throw new HttpError('FORBIDDEN', 'only the interviewer may include the private notes');
    const reviews = body.data.reviews === 'all' ? 'all' : [...new Set(body.data.reviews)];
    if (reviews !== 'all') await checkReviewIds(deps, session, reviews, includePrivate);

    const token = newToken();
    const share: StoredShare = {
      id: randomBytes(9).toString('base64url'),
      sessionId: session.id,
      createdAt: Date.now(),
      createdBy: role,
      reviews,
      includePrivate,
      revokedAt: null,
    };
    await storage.addShare(share, hashToken(token));
    res.status(201).json({ id: share.id, token, link: shareLink(token) });
  });

  router.get('/api/sessions/:id/shares', async (req, res) => {
    const { session, role } = await authorize(storage, req, 'share.manage');
    const shares = await storage.listShares(session.id);
    // A candidate never learns what the interviewer shared, private notes or not.
    const visible = role === 'interviewer' ? shares : shares.filter((s) => s.createdBy === role);
    res.json(visible.map(publicShare));
  });

  router.delete('/api/sessions/:id/shares/:shareId', async (req, res) => {
    const { session, role } = await authorize(storage, req, 'share.manage');
    const share = (await storage.listShares(session.id)).find((s) => s.id === req.params.shareId);
    if (!share || (role !== 'interviewer' && share.createdBy !== role)) throw new HttpError('NOT_FOUND', 'no such review link');
    if (share.revokedAt === null) await storage.revokeShare(session.id, share.id, Date.now());
    res.status(204).end();
  });

  router.get('/api/shared/:token', async (req, res) => {
    const format = exportFormatOf(req.query.format);
    const { share, session } = await resolveShare(deps, req);
    const data = await collectExportData(deps, session, { includePrivate: share.includePrivate, reviews: share.reviews });
    sendExport(res, format, data, req.query.download === '1');
  });

  router.get('/r/:token', async (req, res) => {
    const found = await findShare(deps, req);
    res.setHeader('Cache-Control', 'no-store');
    if (found.status !== 'ok') {
      const revoked = found.status === 'revoked';
      res
        .status(revoked ? 410 : 404)
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><meta charset="utf-8"><title>Review link</title><p>${revoked ? 'This review link has been revoked.' : 'There is no review at this link.'}</p>`);
      return;
    }
    const data = await collectExportData(deps, found.session, { includePrivate: found.share.includePrivate, reviews: found.share.reviews });
    res.type('text/html; charset=utf-8').send(exportHtml(data));
  });

  return router;
}

type FoundShare = { status: 'ok'; share: StoredShare; session: SessionRecord } | { status: 'revoked' } | { status: 'missing' };

/** The link and its session, or why there is none (an unknown token and a deleted session look the same). */
async function findShare(deps: CollectDeps, req: Request): Promise<FoundShare> {
  const token = String(req.params.token ?? '');
  const share = token.length >= 20 && token.length <= 100 ? await deps.storage.shareForToken(hashToken(token)) : null;
  if (!share) return { status: 'missing' };
  if (share.revokedAt !== null) return { status: 'revoked' };
  const session = await deps.storage.getSession(share.sessionId);
  return session ? { status: 'ok', share, session } : { status: 'missing' };
}

/** {@link findShare} for the JSON API: a 404 naming why. */
async function resolveShare(deps: CollectDeps, req: Request): Promise<{ share: StoredShare; session: SessionRecord }> {
  const found = await findShare(deps, req);
  if (found.status === 'revoked') throw new HttpError('NOT_FOUND', 'this review link has been revoked');
  if (found.status === 'missing') throw new HttpError('NOT_FOUND', 'no review is shared under this link');
  return found;
}

/** Every chosen id must be a stored review of the session; the interviewer's own scores only with the private part. */
async function checkReviewIds(deps: CollectDeps, session: SessionRecord, ids: readonly string[], includePrivate: boolean): Promise<void> {
  const stored = new Map((await deps.storage.listReviews(session.id)).map((r) => [String(r.id), r]));
  for (const id of ids) {
    const review = stored.get(id);
    if (!review) throw new HttpError('BAD_REQUEST', `this session has no review "${id}"; list them with GET /api/sessions/${session.id}/reviews`);
    if (review.reviewer === 'human' && !includePrivate) {
      throw new HttpError('BAD_REQUEST', `review "${id}" holds the interviewer's own scores, which are private; set includePrivate to share them`);
    }
  }
}
