import type { Role } from '../../../core/src';

/** A read-only review link. Its token is stored only as a hash, like the session tokens (decision 003). */
export interface StoredShare {
  /** Public id, used to list and revoke; not a secret. */
  id: string;
  sessionId: string;
  createdAt: number;
  createdBy: Role;
  /** Which reviews the link shows: every one, or these stored review ids (`human` for the interviewer's scores). */
  reviews: 'all' | string[];
  /** Whether the interviewer's private notes and scores are shown. */
  includePrivate: boolean;
  revokedAt: number | null;
}

/** Storage of share links; both backends implement it in their own additive table. */
export interface ShareStorage {
  addShare(share: StoredShare, tokenHash: string): Promise<void>;
  /** The session's links, oldest first, revoked ones included. */
  listShares(sessionId: string): Promise<StoredShare[]>;
  /** False when the session has no such link or it was already revoked. */
  revokeShare(sessionId: string, shareId: string, at: number): Promise<boolean>;
  /** The link whose token hashes to `tokenHash`, revoked or not; null when there is none. */
  shareForToken(tokenHash: string): Promise<StoredShare | null>;
}

export interface ShareRow {
  id: string;
  session_id: string;
  created_at: number | string;
  created_by: string;
  reviews: string;
  include_private: number | boolean;
  revoked_at: number | string | null;
}

export function toShare(row: ShareRow): StoredShare {
  const reviews = JSON.parse(row.reviews) as unknown;
  return {
    id: row.id,
    sessionId: row.session_id,
    createdAt: Number(row.created_at),
    createdBy: row.created_by as Role,
    reviews: Array.isArray(reviews) ? reviews.map(String) : 'all',
    includePrivate: row.include_private === true || row.include_private === 1,
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
