import type Database from 'better-sqlite3';
import { toShare, type ShareRow, type ShareStorage } from './shares';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  reviews TEXT NOT NULL,
  include_private INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS shares_by_session ON shares(session_id, created_at);
`;

/** Share links in SQLite: creates its table on open (additive, so older databases just gain it). */
export function sqliteShares(db: Database.Database): ShareStorage {
  db.exec(SCHEMA);
  const stmt = {
    insert: db.prepare(
      'INSERT INTO shares (id, session_id, token_hash, created_at, created_by, reviews, include_private) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    list: db.prepare<[string], ShareRow>('SELECT * FROM shares WHERE session_id = ? ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE shares SET revoked_at = ? WHERE session_id = ? AND id = ? AND revoked_at IS NULL'),
    byToken: db.prepare<[string], ShareRow>('SELECT * FROM shares WHERE token_hash = ?'),
  };
  return {
    async addShare(share, tokenHash) {
      stmt.insert.run(share.id, share.sessionId, tokenHash, share.createdAt, share.createdBy, JSON.stringify(share.reviews), share.includePrivate ? 1 : 0);
    },
    async listShares(sessionId) {
      return stmt.list.all(sessionId).map(toShare);
    },
    async revokeShare(sessionId, shareId, at) {
      return stmt.revoke.run(at, sessionId, shareId).changes > 0;
    },
    async shareForToken(tokenHash) {
      const row = stmt.byToken.get(tokenHash);
      return row ? toShare(row) : null;
    },
  };
}
