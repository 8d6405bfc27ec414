import pg from 'pg';
import type { Role } from '../../../core/src';
import type { SessionRecord, Storage, StoredDocument, StoredReview } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  prompt TEXT NOT NULL,
  mode TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE TABLE IF NOT EXISTS session_tokens (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (session_id, role)
);
CREATE UNIQUE INDEX IF NOT EXISTS session_tokens_by_hash ON session_tokens(session_id, token_hash);
CREATE TABLE IF NOT EXISTS doc_updates (
  session_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  session_id TEXT PRIMARY KEY,
  upto_seq BIGINT NOT NULL,
  data BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS reviews (
  id BIGSERIAL PRIMARY KEY,
  session_id TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  body JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_session ON reviews(session_id, id);
`;

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * PostgreSQL storage, for several server nodes sharing one update log. Sequence numbers are
 * taken under a per-session advisory lock so two nodes appending to one session never collide.
 */
export async function openPostgresStorage(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(SCHEMA);

  async function tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    async createSession(session: SessionRecord, hashes: Record<Role, string>) {
      await tx(async (c) => {
        await c.query('INSERT INTO sessions (id, prompt, mode, created_at) VALUES ($1, $2, $3, $4)', [
          session.id,
          session.prompt,
          session.mode,
          session.createdAt,
        ]);
        for (const [role, hash] of Object.entries(hashes)) {
          await c.query('INSERT INTO session_tokens (session_id, role, token_hash) VALUES ($1, $2, $3)', [session.id, role, hash]);
        }
      });
    },
    async getSession(id) {
      const { rows } = await pool.query('SELECT * FROM sessions WHERE id = $1', [id]);
      const row = rows[0];
      return row
        ? { id: row.id, prompt: row.prompt, mode: row.mode, createdAt: Number(row.created_at), closedAt: row.closed_at === null ? null : Number(row.closed_at) }
        : null;
    },
    async roleForToken(sessionId, tokenHash) {
      const { rows } = await pool.query('SELECT role FROM session_tokens WHERE session_id = $1 AND token_hash = $2', [sessionId, tokenHash]);
      return (rows[0]?.role as Role | undefined) ?? null;
    },
    async closeSession(id, at) {
      await pool.query('UPDATE sessions SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL', [at, id]);
    },
    async appendUpdate(sessionId, data, at) {
      return tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [sessionId]);
        const { rows } = await c.query(
          `SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE session_id = $1), 0),
                           COALESCE((SELECT upto_seq FROM doc_snapshots WHERE session_id = $1), 0)) + 1 AS next`,
          [sessionId],
        );
        const seq = Number(rows[0].next);
        await c.query('INSERT INTO doc_updates (session_id, seq, data, created_at) VALUES ($1, $2, $3, $4)', [sessionId, seq, toBuffer(data), at]);
        return seq;
      });
    },
    async loadDocument(sessionId): Promise<StoredDocument> {
      const snap = await pool.query('SELECT upto_seq, data FROM doc_snapshots WHERE session_id = $1', [sessionId]);
      const snapshotSeq = snap.rows[0] ? Number(snap.rows[0].upto_seq) : 0;
      const ups = await pool.query('SELECT seq, data FROM doc_updates WHERE session_id = $1 AND seq > $2 ORDER BY seq', [sessionId, snapshotSeq]);
      return {
        snapshot: snap.rows[0] ? toBytes(snap.rows[0].data as Buffer) : null,
        snapshotSeq,
        updates: ups.rows.map((r) => ({ seq: Number(r.seq), data: toBytes(r.data as Buffer) })),
      };
    },
    async compact(sessionId, snapshot, uptoSeq) {
      await tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [sessionId]);
        await c.query(
          `INSERT INTO doc_snapshots (session_id, upto_seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (session_id) DO UPDATE SET upto_seq = EXCLUDED.upto_seq, data = EXCLUDED.data`,
          [sessionId, uptoSeq, toBuffer(snapshot)],
        );
      });
    },
    async loadHistory(sessionId) {
      const { rows } = await pool.query('SELECT seq, data, created_at FROM doc_updates WHERE session_id = $1 ORDER BY seq', [sessionId]);
      return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.created_at), data: toBytes(r.data as Buffer) }));
    },
    async addReview(sessionId, reviewer, review, at): Promise<StoredReview> {
      const { rows } = await pool.query(
        'INSERT INTO reviews (session_id, reviewer, created_at, body) VALUES ($1, $2, $3, $4) RETURNING id',
        [sessionId, reviewer, at, JSON.stringify(review)],
      );
      return { id: Number(rows[0].id), sessionId, reviewer, createdAt: at, review };
    },
    async listReviews(sessionId) {
      const { rows } = await pool.query('SELECT * FROM reviews WHERE session_id = $1 ORDER BY id', [sessionId]);
      return rows.map((r) => ({ id: Number(r.id), sessionId: r.session_id, reviewer: r.reviewer, createdAt: Number(r.created_at), review: r.body as unknown }));
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
