import type pg from 'pg';
import { toShare, type ShareRow, type ShareStorage } from './shares';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  reviews TEXT NOT NULL,
  include_private BOOLEAN NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS shares_by_session ON shares(session_id, created_at);
`;

/** Share links in PostgreSQL: creates its table on open (additive). */
export async function postgresShares(pool: pg.Pool): Promise<ShareStorage> {
  await pool.query(SCHEMA);
  return {
    async addShare(share, tokenHash) {
      await pool.query(
        'INSERT INTO shares (id, session_id, token_hash, created_at, created_by, reviews, include_private) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [share.id, share.sessionId, tokenHash, share.createdAt, share.createdBy, JSON.stringify(share.reviews), share.includePrivate],
      );
    },
    async listShares(sessionId) {
      const { rows } = await pool.query<ShareRow>('SELECT * FROM shares WHERE session_id = $1 ORDER BY created_at, id', [sessionId]);
      return rows.map(toShare);
    },
    async revokeShare(sessionId, shareId, at) {
      const result = await pool.query('UPDATE shares SET revoked_at = $1 WHERE session_id = $2 AND id = $3 AND revoked_at IS NULL', [at, sessionId, shareId]);
      return (result.rowCount ?? 0) > 0;
    },
    async shareForToken(tokenHash) {
      const { rows } = await pool.query<ShareRow>('SELECT * FROM shares WHERE token_hash = $1', [tokenHash]);
      return rows[0] ? toShare(rows[0]) : null;
    },
  };
}
