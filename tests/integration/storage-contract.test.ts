import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import type { Storage } from '../../server/src/storage/types';

/**
 * One contract, every storage. PostgreSQL runs where TEST_DATABASE_URL names a server
 * (.ci/run starts one); SQLite always runs.
 */
const backends: [string, () => Promise<Storage>][] = [
  ['sqlite', async () => openSqliteStorage(mkdtempSync(path.join(tmpdir(), 'designroom-storage-')))],
];
if (process.env.TEST_DATABASE_URL) {
  backends.push(['postgres', () => openPostgresStorage(process.env.TEST_DATABASE_URL!)]);
}

const hashes = { candidate: 'hc', interviewer: 'hi', observer: 'ho' };
const bytes = (...values: number[]) => new Uint8Array(values);
let counter = 0;
const newId = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

describe.each(backends)('storage contract: %s', (_name, open) => {
  const opened: Storage[] = [];
  const storage = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  it('creates a session and resolves roles only from the right token hash', async () => {
    const s = await storage();
    const id = newId();
    await s.createSession({ id, prompt: 'url-shortener', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    expect(await s.getSession(id)).toEqual({ id, prompt: 'url-shortener', mode: 'live', createdAt: 1, closedAt: null });
    expect(await s.roleForToken(id, 'hi')).toBe('interviewer');
    expect(await s.roleForToken(id, 'nope')).toBeNull();
    expect(await s.roleForToken('other', 'hi')).toBeNull();
    expect(await s.getSession('missing')).toBeNull();
    await s.closeSession(id, 5);
    expect((await s.getSession(id))?.closedAt).toBe(5);
  });

  it('appends updates in order, snapshots them, and keeps the history', async () => {
    const s = await storage();
    const id = newId();
    await s.createSession({ id, prompt: 'p', mode: 'solo', createdAt: 1, closedAt: null }, hashes);
    expect(await s.appendUpdate(id, bytes(1), 10)).toBe(1);
    expect(await s.appendUpdate(id, bytes(2, 2), 11)).toBe(2);
    expect(await s.appendUpdate(id, bytes(3), 12)).toBe(3);
    let doc = await s.loadDocument(id);
    expect(doc.snapshot).toBeNull();
    expect(doc.updates.map((u) => [u.seq, [...u.data]])).toEqual([[1, [1]], [2, [2, 2]], [3, [3]]]);

    await s.compact(id, bytes(9, 9), 2);
    doc = await s.loadDocument(id);
    expect([...doc.snapshot!]).toEqual([9, 9]);
    expect(doc.snapshotSeq).toBe(2);
    expect(doc.updates.map((u) => u.seq)).toEqual([3]);
    // History keeps every update with its time, for replay.
    expect((await s.loadHistory(id)).map((u) => [u.seq, u.at])).toEqual([[1, 10], [2, 11], [3, 12]]);
    // Sequence numbers keep rising after compaction, even once every update is folded in.
    await s.compact(id, bytes(8), 3);
    expect(await s.appendUpdate(id, bytes(4), 13)).toBe(4);
  });

  it('appends a batch of updates of several sessions in one call, numbered per session in order', async () => {
    const s = await storage();
    const [a, b] = [newId(), newId()];
    for (const id of [a, b]) await s.createSession({ id, prompt: 'p', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    expect(await s.appendUpdate(a, bytes(1), 10)).toBe(1);
    const seqs = await s.appendUpdates([
      { sessionId: a, data: bytes(2), at: 11 },
      { sessionId: b, data: bytes(5), at: 12 },
      { sessionId: a, data: bytes(3), at: 13 },
    ]);
    expect(seqs).toEqual([2, 1, 3]);
    expect((await s.loadDocument(a)).updates.map((u) => [u.seq, [...u.data]])).toEqual([[1, [1]], [2, [2]], [3, [3]]]);
    expect((await s.loadHistory(b)).map((u) => [u.seq, u.at])).toEqual([[1, 12]]);
    expect(await s.appendUpdates([])).toEqual([]);
  });

  it('a batch that fails stores none of it, and the next one numbers on from what is stored', async () => {
    const s = await storage();
    const id = newId();
    await s.createSession({ id, prompt: 'p', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    expect(await s.appendUpdate(id, bytes(1), 10)).toBe(1);
    // The second entry cannot be written, so the whole batch rolls back, the first entry too.
    const broken = [
      { sessionId: id, data: bytes(2), at: 11 },
      { sessionId: id, data: undefined as unknown as Uint8Array, at: 12 },
    ];
    await expect(s.appendUpdates(broken)).rejects.toThrow();
    expect((await s.loadDocument(id)).updates.map((u) => u.seq)).toEqual([1]);
    expect(await s.appendUpdates([{ sessionId: id, data: bytes(3), at: 13 }])).toEqual([2]);
    expect((await s.loadHistory(id)).map((u) => [u.seq, u.at])).toEqual([[1, 10], [2, 13]]);
  });

  // Only PostgreSQL serves several nodes (SQLite is one process's file).
  if (_name === 'postgres')
    it('numbers a session\'s updates without gaps or repeats while two nodes append at once', async () => {
    const [a, b] = [await storage(), await storage()];
    const id = newId();
    await a.createSession({ id, prompt: 'p', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    const other = newId();
    await a.createSession({ id: other, prompt: 'p', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    const rounds = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).appendUpdates([
          { sessionId: id, data: bytes(i), at: i },
          { sessionId: other, data: bytes(i), at: i },
          { sessionId: id, data: bytes(i, i), at: i },
        ]),
      ),
    );
    const mine = rounds.flatMap(([first, , second]) => [first!, second!]).sort((x, y) => x - y);
    expect(mine).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await a.loadHistory(id)).map((u) => u.seq)).toEqual(mine);
    expect((await b.loadHistory(other)).map((u) => u.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps reviews per session in order', async () => {
    const s = await storage();
    const id = newId();
    await s.createSession({ id, prompt: 'p', mode: 'solo', createdAt: 1, closedAt: null }, hashes);
    await s.addReview(id, 'rules', { overall: 10 }, 100);
    await s.addReview(id, 'human', { overall: 20 }, 200);
    const list = await s.listReviews(id);
    expect(list.map((r) => [r.reviewer, r.review])).toEqual([
      ['rules', { overall: 10 }],
      ['human', { overall: 20 }],
    ]);
    expect(await s.listReviews('other')).toEqual([]);
  });

  it('keeps interview state: values, questions with answers, private notes', async () => {
    const s = await storage();
    const id = newId();
    await s.createSession({ id, prompt: 'p', mode: 'live', createdAt: 1, closedAt: null }, hashes);
    expect(await s.getValue(id, 'timer')).toBeUndefined();
    await s.setValue(id, 'timer', { running: true, at: 5 });
    await s.setValue(id, 'timer', { running: false, at: 6 });
    expect(await s.getValue(id, 'timer')).toEqual({ running: false, at: 6 });

    const q1 = await s.addQuestion(id, 'What breaks at 10x?', 'scaling', 100);
    const q2 = await s.addQuestion(id, 'Why Redis?', null, 110);
    expect(await s.answerQuestion(id, q1.id, 'The database first.', 120)).toMatchObject({ id: q1.id, answer: 'The database first.', answeredAt: 120 });
    expect(await s.answerQuestion('other-session', q2.id, 'sneaky', 130)).toBeNull();
    expect(await s.answerQuestion(id, 999_999, 'none', 130)).toBeNull();
    expect((await s.listQuestions(id)).map((q) => [q.text, q.item, q.answer])).toEqual([
      ['What breaks at 10x?', 'scaling', 'The database first.'],
      ['Why Redis?', null, null],
    ]);

    await s.addNote(id, 'strong on estimation', 200);
    expect(await s.listNotes(id)).toEqual([{ id: expect.any(Number), text: 'strong on estimation', at: 200 }]);
    expect(await s.listNotes('other')).toEqual([]);
  });
});
