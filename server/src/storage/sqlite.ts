import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../../core/src';
import { sqliteShares } from './shares-sqlite';
import { WalCheckpointer } from './wal-checkpointer';
import type { SessionRecord, Storage, StoredDocument, StoredReview } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  prompt TEXT NOT NULL,
  mode TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER
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
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  session_id TEXT PRIMARY KEY,
  upto_seq INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_session ON reviews(session_id, id);
CREATE TABLE IF NOT EXISTS session_values (
  session_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (session_id, key)
);
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  text TEXT NOT NULL,
  item TEXT,
  asked_at INTEGER NOT NULL,
  answer TEXT,
  answered_at INTEGER
);
CREATE INDEX IF NOT EXISTS questions_by_session ON questions(session_id, id);
CREATE TABLE IF NOT EXISTS private_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS private_notes_by_session ON private_notes(session_id, id);
`;

interface QuestionRow {
  id: number;
  text: string;
  item: string | null;
  asked_at: number;
  answer: string | null;
  answered_at: number | null;
}

const toQuestion = (r: QuestionRow) => ({
  id: r.id,
  text: r.text,
  item: r.item,
  askedAt: r.asked_at,
  answer: r.answer,
  answeredAt: r.answered_at,
});

interface SessionRow {
  id: string;
  prompt: string;
  mode: 'live' | 'solo';
  created_at: number;
  closed_at: number | null;
}

/**
 * SQLite storage. WAL mode: readers never block the writer, and a committed transaction is
 * in the WAL file before `appendUpdate` returns, so it survives the process being killed
 * (synchronous=NORMAL trades only an OS crash or power cut for not fsyncing every edit).
 * Checkpoints run on a thread of their own (wal-checkpointer.ts), never inside a commit.
 */
export function openSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'designroom.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const checkpointer = new WalCheckpointer(db, file);

  const stmt = {
    insertSession: db.prepare('INSERT INTO sessions (id, prompt, mode, created_at) VALUES (?, ?, ?, ?)'),
    insertToken: db.prepare('INSERT INTO session_tokens (session_id, role, token_hash) VALUES (?, ?, ?)'),
    getSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    roleForToken: db.prepare<[string, string], { role: Role }>(
      'SELECT role FROM session_tokens WHERE session_id = ? AND token_hash = ?',
    ),
    closeSession: db.prepare('UPDATE sessions SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
    nextSeq: db.prepare<[string, string], { next: number }>(
      `SELECT MAX(COALESCE((SELECT MAX(seq) FROM doc_updates WHERE session_id = ?), 0),
                  COALESCE((SELECT upto_seq FROM doc_snapshots WHERE session_id = ?), 0)) + 1 AS next`,
    ),
    insertUpdate: db.prepare('INSERT INTO doc_updates (session_id, seq, data, created_at) VALUES (?, ?, ?, ?)'),
    snapshot: db.prepare<[string], { upto_seq: number; data: Buffer }>(
      'SELECT upto_seq, data FROM doc_snapshots WHERE session_id = ?',
    ),
    updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE session_id = ? AND seq > ? ORDER BY seq',
    ),
    upsertSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (session_id, upto_seq, data) VALUES (?, ?, ?)
       ON CONFLICT(session_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data`,
    ),
    history: db.prepare<[string], { seq: number; data: Buffer; created_at: number }>(
      'SELECT seq, data, created_at FROM doc_updates WHERE session_id = ? ORDER BY seq',
    ),
    insertReview: db.prepare('INSERT INTO reviews (session_id, reviewer, created_at, body) VALUES (?, ?, ?, ?)'),
    listReviews: db.prepare<[string], { id: number; session_id: string; reviewer: string; created_at: number; body: string }>(
      'SELECT * FROM reviews WHERE session_id = ? ORDER BY id',
    ),
    getValue: db.prepare<[string, string], { value: string }>('SELECT value FROM session_values WHERE session_id = ? AND key = ?'),
    setValue: db.prepare(
      `INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)
       ON CONFLICT(session_id, key) DO UPDATE SET value = excluded.value`,
    ),
    insertQuestion: db.prepare<[string, string, string | null, number], QuestionRow>(
      'INSERT INTO questions (session_id, text, item, asked_at) VALUES (?, ?, ?, ?) RETURNING *',
    ),
    answerQuestion: db.prepare<[answer: string, at: number, sessionId: string, id: number], QuestionRow>(
      'UPDATE questions SET answer = ?, answered_at = ? WHERE session_id = ? AND id = ? RETURNING *',
    ),
    listQuestions: db.prepare<[string], QuestionRow>('SELECT * FROM questions WHERE session_id = ? ORDER BY id'),
    insertNote: db.prepare<[string, string, number], { id: number; text: string; at: number }>(
      'INSERT INTO private_notes (session_id, text, at) VALUES (?, ?, ?) RETURNING id, text, at',
    ),
    listNotes: db.prepare<[string], { id: number; text: string; at: number }>(
      'SELECT id, text, at FROM private_notes WHERE session_id = ? ORDER BY id',
    ),
  };

  const createSession = db.transaction((session: SessionRecord, hashes: Record<Role, string>) => {
    stmt.insertSession.run(session.id, session.prompt, session.mode, session.createdAt);
    for (const [role, hash] of Object.entries(hashes)) stmt.insertToken.run(session.id, role, hash);
  });
  /**
   * The last seq stored per session, so an edit costs one INSERT instead of a MAX query too.
   * Only this process writes the file; were another to, the primary key (session_id, seq)
   * refuses the duplicate, the batch rolls back, and the room reloads — never a silent fork.
   * Updated only after a commit, so a rolled-back batch leaves it as it was.
   */
  const lastSeq = new Map<string, number>();
  const insertBatch = db.transaction((batch: readonly { sessionId: string; data: Uint8Array; at: number }[], assigned: Map<string, number>): number[] =>
    batch.map(({ sessionId, data, at }) => {
      const seq = (assigned.get(sessionId) ?? lastSeq.get(sessionId) ?? stmt.nextSeq.get(sessionId, sessionId)!.next - 1) + 1;
      assigned.set(sessionId, seq);
      stmt.insertUpdate.run(sessionId, seq, Buffer.from(data.buffer, data.byteOffset, data.byteLength), at);
      return seq;
    }),
  );
  const appendUpdates = (batch: readonly { sessionId: string; data: Uint8Array; at: number }[]): number[] => {
    const assigned = new Map<string, number>();
    const seqs = insertBatch(batch, assigned);
    for (const [sessionId, seq] of assigned) lastSeq.set(sessionId, seq);
    return seqs;
  };
  const appendUpdate = (sessionId: string, data: Uint8Array, at: number): number => appendUpdates([{ sessionId, data, at }])[0]!;
  const compact = db.transaction((sessionId: string, snapshot: Uint8Array, uptoSeq: number) => {
    // The updates stay: they are the session's history, which replay reads. The snapshot only
    // spares loading from replaying them all.
    stmt.upsertSnapshot.run(sessionId, uptoSeq, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength));
  });

  const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

  return {
    kind: 'sqlite',
    ...sqliteShares(db),
    async createSession(session, hashes) {
      createSession(session, hashes);
    },
    async getSession(id) {
      const row = stmt.getSession.get(id);
      return row
        ? { id: row.id, prompt: row.prompt, mode: row.mode, createdAt: row.created_at, closedAt: row.closed_at }
        : null;
    },
    async roleForToken(sessionId, tokenHash) {
      return stmt.roleForToken.get(sessionId, tokenHash)?.role ?? null;
    },
    async closeSession(id, at) {
      stmt.closeSession.run(at, id);
    },
    async appendUpdate(sessionId, data, at) {
      return appendUpdate(sessionId, data, at);
    },
    async appendUpdates(batch) {
      return appendUpdates(batch);
    },
    async loadDocument(sessionId): Promise<StoredDocument> {
      const snap = stmt.snapshot.get(sessionId);
      const snapshotSeq = snap?.upto_seq ?? 0;
      const updates = stmt.updatesAfter.all(sessionId, snapshotSeq).map((r) => ({ seq: r.seq, data: toBytes(r.data) }));
      return { snapshot: snap ? toBytes(snap.data) : null, snapshotSeq, updates };
    },
    async compact(sessionId, snapshot, uptoSeq) {
      compact(sessionId, snapshot, uptoSeq);
    },
    async loadHistory(sessionId) {
      return stmt.history.all(sessionId).map((r) => ({ seq: r.seq, at: r.created_at, data: toBytes(r.data) }));
    },
    async addReview(sessionId, reviewer, review, at): Promise<StoredReview> {
      const info = stmt.insertReview.run(sessionId, reviewer, at, JSON.stringify(review));
      return { id: Number(info.lastInsertRowid), sessionId, reviewer, createdAt: at, review };
    },
    async listReviews(sessionId) {
      return stmt.listReviews.all(sessionId).map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        reviewer: r.reviewer,
        createdAt: r.created_at,
        review: JSON.parse(r.body) as unknown,
      }));
    },
    async getValue(sessionId, key) {
      const row = stmt.getValue.get(sessionId, key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    async setValue(sessionId, key, value) {
      stmt.setValue.run(sessionId, key, JSON.stringify(value));
    },
    async addQuestion(sessionId, text, item, at) {
      return toQuestion(stmt.insertQuestion.get(sessionId, text, item, at)!);
    },
    async answerQuestion(sessionId, id, answer, at) {
      const row = stmt.answerQuestion.get(answer, at, sessionId, id);
      return row ? toQuestion(row) : null;
    },
    async listQuestions(sessionId) {
      return stmt.listQuestions.all(sessionId).map(toQuestion);
    },
    async addNote(sessionId, text, at) {
      return stmt.insertNote.get(sessionId, text, at)!;
    },
    async listNotes(sessionId) {
      return stmt.listNotes.all(sessionId);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await checkpointer.stop();
      if (db.open) db.close();
    },
  };
}
