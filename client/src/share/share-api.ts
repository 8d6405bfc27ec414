/**
 * The share-link routes: a read-only review link with its own token, made by the interviewer or
 * the solo candidate, listed and revoked. Calls go through the interview module's authorised
 * fetch (token in the Authorization header).
 */
import { sessionApi } from '../interview/api';

export interface ShareLink {
  id: string;
  /** "all", or the ids of the chosen reviews. */
  reviews: 'all' | string[];
  includePrivate: boolean;
  createdAt: number;
  /** Revoked links stay listed, so it is clear they were made and stopped. */
  revokedAt: number | null;
}

export interface CreatedShare {
  id: string;
  token: string;
  link: string;
}

/** A stored review as `GET /api/sessions/:id/reviews` lists it. */
export interface ListedReview {
  id: number;
  createdAt: number;
  review: { reviewer: string; overall: number };
}

export const listReviews = (sessionId: string, token: string) => sessionApi<ListedReview[]>(sessionId, token, '/reviews');

/** The links this user may see, newest first. The server keeps only a hash of each token, so a link can be copied only when it is made. */
export async function listShares(sessionId: string, token: string): Promise<ShareLink[]> {
  const shares = await sessionApi<ShareLink[]>(sessionId, token, '/shares');
  return [...shares].sort((a, b) => b.createdAt - a.createdAt);
}

export const createShare = (sessionId: string, token: string, reviews: 'all' | string[], includePrivate: boolean) =>
  sessionApi<CreatedShare>(sessionId, token, '/shares', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reviews, includePrivate }),
  });

export async function revokeShare(sessionId: string, token: string, shareId: string): Promise<void> {
  await sessionApi<unknown>(sessionId, token, `/shares/${encodeURIComponent(shareId)}`, { method: 'DELETE' });
}

/** The absolute URL of a share path, for copying. */
export const absoluteShareLink = (path: string): string => new URL(path, window.location.origin).href;
