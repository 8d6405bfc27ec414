import pg from 'pg';
import type { Role } from '../../../core/src';
import { postgresShares } from './shares-postgres';
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
CREATE TABLE IF NOT EXISTS session_values (
  session_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value JSONB NOT NULL,
  PRIMARY KEY (session_id, key)
);
CREATE TABLE IF NOT EXISTS questions (
  id BIGSERIAL PRIMARY KEY,
  session_id TEXT NOT NULL,
  text TEXT NOT NULL,
  item TEXT,
  asked_at BIGINT NOT NULL,
  answer TEXT,
  answered_at BIGINT
);
CREATE INDEX IF NOT EXISTS questions_by_session ON questions(session_id, id);
CREATE TABLE IF NOT EXISTS private_notes (
  id BIGSERIAL PRIMARY KEY,
  session_id TEXT NOT NULL,
  text TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS private_notes_by_session ON private_notes(session_id, id);
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg rows are untyped
const toQuestion = (r: any) => ({
  id: Number(r.id),
  text: String(r.text),
  item: (r.item as string | null) ?? null,
  askedAt: Number(r.asked_at),
  answer: (r.answer as string | null) ?? null,
  answeredAt: r.answered_at === null ? null : Number(r.answered_at),
});

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * PostgreSQL storage, for several server nodes sharing one update log. Sequence numbers are
 * taken under a per-session advisory lock so two nodes appending to one session never collide.
 */
export async function openPostgresStorage(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(SCHEMA);

  async function appendUpdates(batch: readonly { sessionId: string; data: Uint8Array; at: number }[]): Promise<number[]> {
    if (batch.length === 0) return [];
    const client = await pool.connect();
    try {
      // Three round trips per batch (they are most of an edit's cost on two nodes, see
      // docs/benchmarks.md): BEGIN with the sessions' locks, one INSERT that numbers the
      // rows, COMMIT. The locks are taken in one global order so two nodes' batches never
      // deadlock; BEGIN can share their round trip only as a simple query, so the session
      // ids go in as escaped literals.
      const ids = [...new Set(batch.map((entry) => entry.sessionId))].sort();
      const literals = ids.map((id) => client.escapeLiteral(id)).join(',');
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext(id)) FROM (SELECT id FROM unnest(ARRAY[${literals}]::text[]) AS id ORDER BY id) AS s`);
      // Each entry's place among its session's entries in this batch, from 1.
      const counts = new Map<string, number>();
      const ordinals = batch.map((entry) => {
        const n = (counts.get(entry.sessionId) ?? 0) + 1;
        counts.set(entry.sessionId, n);
        return n;
      });
      // Read after the locks (a statement of its own, so its snapshot sees every committed row).
      const { rows } = await client.query<{ session_id: string; seq: string }>(
        `WITH batch AS (
           SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[], $4::bigint[]) AS b(session_id, n, data, created_at)
         ), base AS (
           SELECT s.id, GREATEST(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE session_id = s.id), 0),
                                 COALESCE((SELECT upto_seq FROM doc_snapshots WHERE session_id = s.id), 0)) AS last
           FROM (SELECT DISTINCT session_id AS id FROM batch) AS s
         )
         INSERT INTO doc_updates (session_id, seq, data, created_at)
         SELECT b.session_id, base.last + b.n, b.data, b.created_at FROM batch AS b JOIN base ON base.id = b.session_id
         RETURNING session_id, seq`,
        [batch.map((e) => e.sessionId), ordinals, batch.map((e) => toBuffer(e.data)), batch.map((e) => e.at)],
      );
      await client.query('COMMIT');
      // RETURNING has no order: each session's lowest new seq is its first entry's.
      const first = new Map<string, number>();
      for (const row of rows) first.set(row.session_id, Math.min(first.get(row.session_id) ?? Infinity, Number(row.seq)));
      return batch.map((entry, i) => first.get(entry.sessionId)! + ordinals[i]! - 1);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

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
    ...(await postgresShares(pool)),
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
      return (await appendUpdates([{ sessionId, data, at }]))[0]!;
    },
    appendUpdates,
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
    async getValue(sessionId, key) {
      const { rows } = await pool.query('SELECT value FROM session_values WHERE session_id = $1 AND key = $2', [sessionId, key]);
      return rows[0] ? (rows[0].value as unknown) : undefined;
    },
    async setValue(sessionId, key, value) {
      await pool.query(
        `INSERT INTO session_values (session_id, key, value) VALUES ($1, $2, $3)
         ON CONFLICT (session_id, key) DO UPDATE SET value = EXCLUDED.value`,
        [sessionId, key, JSON.stringify(value)],
      );
    },
    async addQuestion(sessionId, text, item, at) {
      const { rows } = await pool.query('INSERT INTO questions (session_id, text, item, asked_at) VALUES ($1, $2, $3, $4) RETURNING *', [sessionId, text, item, at]);
      return toQuestion(rows[0]);
    },
    async answerQuestion(sessionId, id, answer, at) {
      const { rows } = await pool.query('UPDATE questions SET answer = $3, answered_at = $4 WHERE session_id = $1 AND id = $2 RETURNING *', [sessionId, id, answer, at]);
      return rows[0] ? toQuestion(rows[0]) : null;
    },
    async listQuestions(sessionId) {
      const { rows } = await pool.query('SELECT * FROM questions WHERE session_id = $1 ORDER BY id', [sessionId]);
      return rows.map(toQuestion);
    },
    async addNote(sessionId, text, at) {
      const { rows } = await pool.query('INSERT INTO private_notes (session_id, text, at) VALUES ($1, $2, $3) RETURNING id, text, at', [sessionId, text, at]);
      return { id: Number(rows[0].id), text: String(rows[0].text), at: Number(rows[0].at) };
    },
    async listNotes(sessionId) {
      const { rows } = await pool.query('SELECT id, text, at FROM private_notes WHERE session_id = $1 ORDER BY id', [sessionId]);
      return rows.map((r) => ({ id: Number(r.id), text: String(r.text), at: Number(r.at) }));
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
