import type { Role } from '../../../core/src';
import type { ShareStorage } from './shares';

export type SessionMode = 'live' | 'solo';

export interface SessionRecord {
  id: string;
  prompt: string;
  mode: SessionMode;
  createdAt: number;
  closedAt: number | null;
}

export interface StoredDocument {
  /** Everything up to `snapshotSeq`, merged; null for a session that has never been compacted. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates after the snapshot, in order. */
  updates: { seq: number; data: Uint8Array }[];
}

export interface StoredQuestion {
  id: number;
  text: string;
  /** The rubric item the question probes, when it came from a prompt or the bank. */
  item: string | null;
  askedAt: number;
  answer: string | null;
  answeredAt: number | null;
}

export interface StoredNote {
  id: number;
  text: string;
  at: number;
}

export interface StoredReview {
  id: number;
  sessionId: string;
  createdAt: number;
  reviewer: string;
  review: unknown;
}

/**
 * Everything the server keeps per session. Implementations: SQLite (embedded default) and,
 * by configuration, PostgreSQL. Every method either completes durably or throws: callers
 * acknowledge a client's edit only after `appendUpdate` resolved.
 */
export interface Storage extends ShareStorage {
  readonly kind: 'sqlite' | 'postgres';
  createSession(session: SessionRecord, tokenHashes: Record<Role, string>): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** The role whose token hashes to `tokenHash` in this session, or null. */
  roleForToken(sessionId: string, tokenHash: string): Promise<Role | null>;
  closeSession(id: string, at: number): Promise<void>;

  appendUpdate(sessionId: string, data: Uint8Array, at: number): Promise<number>;
  loadDocument(sessionId: string): Promise<StoredDocument>;
  /**
   * Stores a snapshot of everything up to and including `uptoSeq`, so loading starts from it.
   * The updates themselves are kept as the session's history (replay reads them).
   */
  compact(sessionId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** Every update of the session in order, with the time it was stored. */
  loadHistory(sessionId: string): Promise<{ seq: number; at: number; data: Uint8Array }[]>;

  addReview(sessionId: string, reviewer: string, review: unknown, at: number): Promise<StoredReview>;
  listReviews(sessionId: string): Promise<StoredReview[]>;

  /** Small JSON values per session (interview timer and phase, the interviewer's draft scores). */
  getValue(sessionId: string, key: string): Promise<unknown>;
  setValue(sessionId: string, key: string, value: unknown): Promise<void>;

  addQuestion(sessionId: string, text: string, item: string | null, at: number): Promise<StoredQuestion>;
  /** Null when no such question exists in the session. */
  answerQuestion(sessionId: string, id: number, answer: string, at: number): Promise<StoredQuestion | null>;
  listQuestions(sessionId: string): Promise<StoredQuestion[]>;

  addNote(sessionId: string, text: string, at: number): Promise<StoredNote>;
  listNotes(sessionId: string): Promise<StoredNote[]>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
