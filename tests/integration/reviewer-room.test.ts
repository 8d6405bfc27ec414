/**
 * The reviewer in the room: live checklist and private follow-ups over real sockets, answers,
 * hints, curveballs and pins over HTTP, against the real server with SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateMessage, putComment, putEdge, putNode, sectionText, checklistSchema, checkingEventSchema, followupsEventSchema, curveballSchema, readBoard, type Board, type CheckingEvent, type Checklist } from '../../core/src';
import { reviewSchema, type Review } from '../../core/src/rubric/schema';
import { connectClient, createSession, eventually, type CreatedSession, type TestClient } from '../support/board-client';
import { recordingSocket, type RecordingSocket } from '../support/interview-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const closers: Array<{ close(): void }> = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  closers.forEach((c) => c.close());
  await server?.stop();
});

async function join(session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer'): Promise<RecordingSocket> {
  const s = await recordingSocket(server.url, session.id, session.tokens[role]);
  closers.push(s);
  return s;
}

async function board(session: CreatedSession, role: 'candidate' | 'interviewer' = 'candidate'): Promise<TestClient> {
  const client = connectClient(server.url, session.id, session.tokens[role]);
  closers.push(client);
  await client.until((s) => s.status === 'saved', 'synced');
  return client;
}

const call = (session: CreatedSession, method: string, path: string, token: string, body?: unknown) =>
  fetch(`${server.url}/api/sessions/${session.id}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

async function critique(session: CreatedSession): Promise<Review> {
  const res = await call(session, 'POST', '/reviews', session.tokens.candidate, { reviewer: 'rules' });
  expect(res.status).toBe(201);
  return reviewSchema.parse(await res.json());
}

function draw(client: TestClient, id: string, kind: 'client' | 'service' | 'database' | 'cache', label: string, x = 0): void {
  client.doc.transact(() => putNode(client.doc, { id, kind, label, x, y: 0, notes: '', props: {} }));
}

const score = (c: Checklist, id: string) => c.items.find((i) => i.id === id)!.score;

describe('the live checklist and the private follow-ups', () => {
  it('a live interviewer gets the checklist and follow-ups as the board changes; a candidate socket never receives either', async () => {
    const session = await createSession(server.url, 'url-shortener', 'live');
    const interviewer = await join(session, 'interviewer');
    const candidate = await join(session, 'candidate');
    const observer = await join(session, 'observer');
    const first = checklistSchema.parse(await interviewer.next('review:checklist'));
    expect(first.items).toHaveLength(8);
    const writer = await board(session);
    draw(writer, 'web', 'client', 'Browser');
    draw(writer, 'api', 'service', 'Shortener API', 200);
    draw(writer, 'db', 'database', 'Postgres urls table', 400);
    writer.doc.transact(() => sectionText(writer.doc, 'requirements').insert(0, 'Users shorten a long URL and get a short code. Redirects must answer in under 50 ms at p99.'));
    const later = checklistSchema.parse(await interviewer.next('review:checklist', (c: Checklist) => c.at > first.at && c.overall > first.overall));
    expect(later.overall).toBeGreaterThan(first.overall);
    const followups = followupsEventSchema.parse(await interviewer.next('review:followups', (f: { at: number }) => f.at >= later.at));
    expect(followups.source).toBe('rules');
    expect(followups.followUps.length).toBeGreaterThan(0);
    // One more change and its refresh, so the candidate had every chance to receive something.
    draw(writer, 'cache', 'cache', 'Redis cache', 600);
    await interviewer.next('review:checklist', (c: Checklist) => c.at > later.at);
    const seen = new Set(candidate.received.map((r) => r.event));
    expect(seen.has('interview:state')).toBe(true);
    expect(seen.has('review:followups')).toBe(false);
    expect(seen.has('review:checklist')).toBe(false);
    expect(observer.received.some((r) => r.event === 'review:followups' || r.event === 'review:checklist')).toBe(false);
  });

  it('a solo candidate gets the checklist on join and sees it move as they draw; the AI reviewer is in presence', async () => {
    const session = await createSession(server.url, 'url-shortener', 'solo');
    const candidate = await join(session, 'candidate');
    const first = checklistSchema.parse(await candidate.next('review:checklist'));
    const writer = await board(session);
    await eventually(
      () => [...writer.awareness.getStates().values()].some((s) => (s as { user?: { name?: string; bot?: boolean } }).user?.name === 'AI reviewer' && (s as { user: { bot?: boolean } }).user.bot === true),
      'the AI reviewer in presence',
    );
    draw(writer, 'web', 'client', 'Browser');
    draw(writer, 'api', 'service', 'API', 200);
    writer.doc.transact(() => putEdge(writer.doc, { id: 'e1', source: 'web', target: 'api', label: 'POST /urls', mode: 'sync' }));
    const moved = checklistSchema.parse(await candidate.next('review:checklist', (c: Checklist) => score(c, 'high-level-design') > score(first, 'high-level-design')));
    expect(score(moved, 'high-level-design')).toBeGreaterThan(0);
    expect(candidate.received.some((r) => r.event === 'review:followups')).toBe(false);
  });
});

describe("the checklist's freshness (review:checking)", () => {
  it('says the board changed once per reading, and that an unchanged reading is current again without resending the checklist', async () => {
    const session = await createSession(server.url, 'url-shortener', 'solo');
    const candidate = await join(session, 'candidate');
    await candidate.next('review:checklist');
    const writer = await board(session);
    const service = (notes: string) => writer.doc.transact(() => putNode(writer.doc, { id: 'api', kind: 'service', label: 'API', x: 0, y: 0, notes, props: {} }));
    service('owned by team blue');
    await candidate.next('review:checking', (e: CheckingEvent) => e.checking);
    await eventually(() => isCurrent(candidate), 'the first change read');
    // Another team's name moves no score: the reading after it is the same checklist. (A move
    // would not even be read: layout-only changes are not.)
    const mark = candidate.received.length;
    service('owned by team green');
    await eventually(() => reviewEvents(candidate, mark).length >= 2 && isCurrent(candidate), 'the second change read');
    const after = reviewEvents(candidate, mark).map((e) => checkingEventSchema.parse(e.payload));
    expect(after.map((e) => e.checking)).toEqual([true, false]);
    expect(after[0]!.at).toBeLessThanOrEqual(after[1]!.at);
  });

  it('a live interviewer is told; a candidate never is', async () => {
    const session = await createSession(server.url, 'url-shortener', 'live');
    const interviewer = await join(session, 'interviewer');
    const candidate = await join(session, 'candidate');
    await interviewer.next('review:checklist');
    const writer = await board(session);
    draw(writer, 'db', 'database', 'Postgres');
    await interviewer.next('review:checking', (e: CheckingEvent) => e.checking);
    await eventually(() => isCurrent(interviewer), 'the change read');
    expect(candidate.received.some((r) => r.event === 'review:checking')).toBe(false);
  });
});

/** The checklist and checking events, in order, from `from` on. */
function reviewEvents(socket: RecordingSocket, from = 0) {
  return socket.received.slice(from).filter((r) => r.event === 'review:checking' || r.event === 'review:checklist');
}

/** The last word on the checklist says it covers every change: a new checklist, or `checking: false`. */
function isCurrent(socket: RecordingSocket): boolean {
  const last = reviewEvents(socket).at(-1);
  return last?.event === 'review:checklist' || (last !== undefined && !checkingEventSchema.parse(last.payload).checking);
}

describe('answers', () => {
  it('stores a candidate answer, lists it, and the next review credits it with answer:ID evidence; "I don\'t know" earns nothing', async () => {
    const session = await createSession(server.url, 'url-shortener', 'solo');
    const before = await critique(session);
    expect(before.items.find((i) => i.id === 'estimation')!.score).toBe(0);

    const shrug = await call(session, 'POST', '/answers', session.tokens.candidate, { item: 'estimation', question: 'How much traffic and storage?', text: "I don't know, maybe a lot of traffic and storage." });
    expect(shrug.status).toBe(201);
    const afterShrug = await critique(session);
    expect(afterShrug.items.find((i) => i.id === 'estimation')!.score).toBe(0);

    const res = await call(session, 'POST', '/answers', session.tokens.candidate, {
      item: 'estimation',
      question: 'How much traffic and storage?',
      text: '100M new links a day is about 1,160 writes/s; redirects are 10x that, about 11,600/s on average. Ten years of links is 100M x 365 x 10 = 365 billion records; at 500 bytes each that is about 180 TB, so the store must be sharded.',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^a\d+$/);
    const list = (await (await call(session, 'GET', '/answers', session.tokens.observer)).json()) as { answers: { id: string; item: string }[] };
    expect(list.answers.map((a) => a.id)).toEqual(['a1', id]);

    const after = await critique(session);
    const estimation = after.items.find((i) => i.id === 'estimation')!;
    expect(estimation.score).toBeGreaterThanOrEqual(2);
    expect(estimation.evidence.some((e) => e.ref === `answer:${id}`)).toBe(true);
    expect(estimation.evidence.some((e) => e.ref === 'answer:a1')).toBe(false);
  });

  it('an answer in the live question queue counts like a follow-up answer, even when the question names no item', async () => {
    const session = await createSession(server.url, 'url-shortener', 'live');
    const interviewer = await join(session, 'interviewer');
    const candidate = await join(session, 'candidate');
    const before = checklistSchema.parse(await interviewer.next('review:checklist'));
    expect(score(before, 'estimation')).toBe(0);
    const asked = (await interviewer.send('question:ask', { text: 'How much traffic and storage do you expect?', item: null })) as { ok: true; data: { id: number } };
    expect(asked.ok).toBe(true);
    const answered = await candidate.send('question:answer', {
      id: asked.data.id,
      text: '100M new links a day is about 1,160 writes/s and redirects are 10x that, about 11,600/s. Ten years is 365 billion records; at 500 bytes each about 180 TB, so we shard.',
    });
    expect(answered.ok).toBe(true);
    const after = checklistSchema.parse(await interviewer.next('review:checklist', (c: Checklist) => score(c, 'estimation') > 0));
    expect(score(after, 'estimation')).toBeGreaterThanOrEqual(2);
    const res = await call(session, 'POST', '/reviews', session.tokens.interviewer, { reviewer: 'rules' });
    const r = reviewSchema.parse(await res.json());
    expect(r.items.find((i) => i.id === 'estimation')!.evidence.some((e) => e.ref === `answer:q${asked.data.id}`)).toBe(true);
  });

  it('refuses the interviewer, bad items and empty text, and changes nothing', async () => {
    const session = await createSession(server.url, 'url-shortener', 'live');
    expect((await call(session, 'POST', '/answers', session.tokens.interviewer, { item: 'api', question: 'q', text: 'an answer here' })).status).toBe(403);
    const bad = await call(session, 'POST', '/answers', session.tokens.candidate, { item: 'vibes', question: 'q', text: 'an answer here' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    expect((await call(session, 'POST', '/answers', session.tokens.candidate, { item: 'api', question: 'q', text: '' })).status).toBe(400);
    expect((await call(session, 'POST', '/answers', session.tokens.candidate, { item: 'api', question: 'q', text: 'x'.repeat(4001) })).status).toBe(400);
    const list = (await (await call(session, 'GET', '/answers', session.tokens.candidate)).json()) as { answers: unknown[] };
    expect(list.answers).toEqual([]);
  });
});

describe('hints', () => {
  it('a solo candidate and any interviewer get a phase\'s hints; a live candidate does not', async () => {
    const solo = await createSession(server.url, 'url-shortener', 'solo');
    const res = await call(solo, 'GET', '/hints?phase=estimation', solo.tokens.candidate);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { phase: string; hints: string[] };
    expect(body.phase).toBe('estimation');
    expect(body.hints.length).toBeGreaterThan(0);
    expect((await call(solo, 'GET', '/hints?phase=lunch', solo.tokens.candidate)).status).toBe(400);
    const live = await createSession(server.url, 'url-shortener', 'live');
    expect((await call(live, 'GET', '/hints?phase=estimation', live.tokens.candidate)).status).toBe(403);
    expect((await call(live, 'GET', '/hints?phase=estimation', live.tokens.interviewer)).status).toBe(200);
  });
});

describe('curveballs', () => {
  it('the live interviewer gives one: stored, pinned on the board, broadcast, and the next review says how the design answered it', async () => {
    const session = await createSession(server.url, 'url-shortener', 'live');
    const candidate = await join(session, 'candidate');
    const writer = await board(session);
    draw(writer, 'api', 'service', 'API');
    await writer.until((s) => s.status === 'saved' && s.pending === 0, 'stored');
    expect((await call(session, 'POST', '/curveballs', session.tokens.candidate, { preset: 'traffic-10x' })).status).toBe(403);
    expect((await call(session, 'POST', '/curveballs', session.tokens.interviewer, { preset: 'nope' })).status).toBe(400);
    expect((await call(session, 'POST', '/curveballs', session.tokens.interviewer, {})).status).toBe(400);
    const res = await call(session, 'POST', '/curveballs', session.tokens.interviewer, { preset: 'traffic-10x' });
    expect(res.status).toBe(201);
    const curveball = curveballSchema.parse(await res.json());
    expect(curveball.effect).toEqual({ traffic: 10 });
    const heard = curveballSchema.parse(await candidate.next('curveball:added'));
    expect(heard.id).toBe(curveball.id);
    await eventually(() => readBoard(writer.doc).comments.some((c) => c.role === 'interviewer' && c.target === 'board' && c.text.includes('10×')), 'the pinned curveball');
    const list = (await (await call(session, 'GET', '/curveballs', session.tokens.observer)).json()) as { curveballs: unknown[]; presets: { id: string }[] };
    expect(list.curveballs).toHaveLength(1);
    expect(list.presets.map((p) => p.id)).toContain('links-expire');

    const unanswered = await critique(session);
    expect(unanswered.items.find((i) => i.id === 'scaling')!.summary).toMatch(/After the curveball .*: the board has not changed since/);
    draw(writer, 'cache', 'cache', 'Redis cache', 300);
    await writer.until((s) => s.status === 'saved' && s.pending === 0, 'stored');
    const answered = await critique(session);
    expect(answered.items.find((i) => i.id === 'scaling')!.summary).toMatch(/After the curveball .*: the design added Redis cache\./);
  });

  it('a solo critique pins its main points as reviewer comments; a client cannot sign a comment as the reviewer', async () => {
    const session = await createSession(server.url, 'url-shortener', 'solo');
    const writer = await board(session);
    draw(writer, 'api', 'service', 'API');
    await writer.until((s) => s.status === 'saved' && s.pending === 0, 'stored');
    await critique(session);
    await eventually(() => readBoard(writer.doc).comments.filter((c) => c.role === 'reviewer' && c.author === 'AI reviewer').length > 0, 'reviewer pins');
    const pins = readBoard(writer.doc).comments.filter((c) => c.role === 'reviewer');
    expect(pins.length).toBeLessThanOrEqual(3);
    expect(pins.every((c) => /^[A-Z][\w -]+ \d\/4: /.test(c.text))).toBe(true);
    // A second critique settles the first one's pins instead of piling more on.
    await critique(session);
    await eventually(() => readBoard(writer.doc).comments.filter((c) => c.role === 'reviewer').length > pins.length, 'second pins');
    const open = readBoard(writer.doc).comments.filter((c) => c.role === 'reviewer' && !c.resolved);
    expect(open.length).toBeLessThanOrEqual(3);
    expect(open.some((c) => pins.some((p) => p.id === c.id))).toBe(false);

    const raw = await join(session, 'candidate');
    const doc = new Y.Doc();
    putComment(doc, { id: 'forged', target: 'board', author: 'AI reviewer', role: 'reviewer', text: 'Forged', createdAt: 1, resolved: false });
    const ack = await raw.send('board:sync', encodeUpdateMessage(Y.encodeStateAsUpdate(doc)));
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const summary = (await (await call(session, 'GET', '/summary', session.tokens.candidate)).json()) as { board: Board };
    expect(summary.board.comments.some((c) => c.role === 'reviewer')).toBe(true);
    expect(summary.board.comments.some((c) => c.text === 'Forged')).toBe(false);
  });
});
