import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateMessage, may, putNode, type Action, type PrivateInterview, type PublicInterview } from '../../core/src';
import { createSession, type CreatedSession } from '../support/board-client';
import { recordingSocket, type RecordingSocket } from '../support/interview-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const sockets: RecordingSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop();
});

async function join(session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer') {
  const s = await recordingSocket(server.url, session.id, session.tokens[role]);
  sockets.push(s);
  await s.next('interview:state');
  return s;
}

const request = (session: CreatedSession, method: string, path: string, token: string | null, body?: unknown) =>
  fetch(`${server.url}/api/sessions/${session.id}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

describe('who can read and write what (the README role table)', () => {
  it('HTTP routes answer each role as the table says', async () => {
    const session = await createSession(server.url);
    const t = session.tokens;
    const table: [string, string, Record<'candidate' | 'interviewer' | 'observer' | 'none' | 'wrong', number>][] = [
      ['GET', '/document', { candidate: 200, interviewer: 200, observer: 200, none: 401, wrong: 401 }],
      ['GET', '/interview', { candidate: 200, interviewer: 200, observer: 200, none: 401, wrong: 401 }],
      ['GET', '/private', { candidate: 403, interviewer: 200, observer: 403, none: 401, wrong: 401 }],
      ['GET', '/prompt', { candidate: 403, interviewer: 200, observer: 403, none: 401, wrong: 401 }],
      ['GET', '/reviews', { candidate: 200, interviewer: 200, observer: 200, none: 401, wrong: 401 }],
      ['GET', '/summary', { candidate: 200, interviewer: 200, observer: 200, none: 401, wrong: 401 }],
      ['GET', '/timeline', { candidate: 200, interviewer: 200, observer: 200, none: 401, wrong: 401 }],
      ['GET', '/recommendation', { candidate: 403, interviewer: 200, observer: 403, none: 401, wrong: 401 }],
    ];
    for (const [method, path, expected] of table) {
      for (const [who, status] of Object.entries(expected)) {
        const token = who === 'none' ? null : who === 'wrong' ? 'x'.repeat(43) : t[who as 'candidate'];
        const res = await request(session, method, path, token);
        expect(res.status, `${method} ${path} as ${who}`).toBe(status);
      }
    }
    // Writes: observers never; closing a live session is the interviewer's.
    expect((await request(session, 'POST', '/reviews', t.observer, {})).status).toBe(403);
    expect((await request(session, 'POST', '/close', t.candidate)).status).toBe(403);
    expect((await request(session, 'POST', '/close', t.observer)).status).toBe(403);
  });

  it('a candidate socket never receives a private note or a human score, even while the interviewer edits them', async () => {
    const session = await createSession(server.url);
    const candidate = await join(session, 'candidate');
    const observer = await join(session, 'observer');
    const interviewer = await join(session, 'interviewer');
    await interviewer.next('private:state');

    const secret = 'SECRET-note-7f3a';
    expect((await interviewer.send('note:add', { text: `${secret} weak on sharding` })).ok).toBe(true);
    expect((await interviewer.send('scores:update', { items: [{ id: 'scaling', score: 1, notes: `${secret} score note` }] })).ok).toBe(true);
    const view = await interviewer.next<PrivateInterview>('private:state', (p) => p.scores.items.some((s) => s.id === 'scaling'));
    expect(view.notes[0]?.text).toContain(secret);
    // Something public after the private edits, so anything sent before it has arrived.
    await interviewer.send('question:ask', { text: 'How would you shard?', item: 'scaling' });
    await candidate.next<PublicInterview>('interview:state', (p) => p.questions.length === 1);
    await observer.next<PublicInterview>('interview:state', (p) => p.questions.length === 1);

    for (const who of [candidate, observer]) {
      expect(who.received.some((r) => r.event === 'private:state')).toBe(false);
      expect(JSON.stringify(who.received)).not.toContain(secret);
    }
    // Their HTTP view of reviews has no human review either.
    const reviews = await (await request(session, 'GET', '/reviews', session.tokens.candidate)).json();
    expect(JSON.stringify(reviews)).not.toContain(secret);
  });

  it('interview messages are role-checked and validated', async () => {
    const session = await createSession(server.url);
    const candidate = await join(session, 'candidate');
    const observer = await join(session, 'observer');
    const interviewer = await join(session, 'interviewer');
    const forbidden = [
      [candidate, 'question:ask', { text: 'self-serve?' }],
      [candidate, 'note:add', { text: 'x' }],
      [candidate, 'scores:update', { items: [{ id: 'api', score: 4 }] }],
      [candidate, 'timer:control', { action: 'start' }],
      [observer, 'question:answer', { id: 1, text: 'x' }],
      [observer, 'note:add', { text: 'x' }],
      [observer, 'notes:share', { share: true }],
      [interviewer, 'question:answer', { id: 1, text: 'x' }],
    ] as const;
    for (const [socket, event, payload] of forbidden) {
      const reply = await socket.send(event, payload);
      expect(reply.ok ? 'ok' : reply.error.code, `${event}`).toBe('FORBIDDEN');
    }
    for (const payload of [null, 'text', { text: '' }, { text: 'x', item: 'not-an-item' }]) {
      const reply = await interviewer.send('question:ask', payload);
      expect(reply.ok ? 'ok' : reply.error.code).toBe('BAD_MESSAGE');
    }
    const badScore = await interviewer.send('scores:update', { items: [{ id: 'api', score: 7 }] });
    expect(badScore.ok ? 'ok' : badScore.error.code).toBe('BAD_MESSAGE');
    const noQuestion = await candidate.send('question:answer', { id: 999999, text: 'answer' });
    expect(noQuestion.ok ? 'ok' : noQuestion.error.code).toBe('NOT_FOUND');
  });
});

describe('a whole round at the protocol level', () => {
  it('questions, answers, timer, sharing with observers, closing, summary and replay', async () => {
    const session = await createSession(server.url);
    const candidate = await join(session, 'candidate');
    const observer = await join(session, 'observer');
    const interviewer = await join(session, 'interviewer');

    expect((await interviewer.send('timer:control', { action: 'start' })).ok).toBe(true);
    const running = await candidate.next<PublicInterview>('interview:state', (p) => p.interview.timer.running);
    expect(running.interview.phase).toBe('requirements');
    await interviewer.send('timer:control', { action: 'phase', phase: 'high-level-design' });
    await candidate.next<PublicInterview>('interview:state', (p) => p.interview.phase === 'high-level-design');

    const asked = await interviewer.send('question:ask', { text: 'Traffic grows 10x overnight. What breaks first?', item: 'scaling' });
    expect(asked.ok).toBe(true);
    const { questions } = await candidate.next<PublicInterview>('interview:state', (p) => p.questions.length === 1);
    const answered = await candidate.send('question:answer', { id: questions[0]!.id, text: 'The primary database; add read replicas.' });
    expect(answered.ok).toBe(true);
    const seen = await interviewer.next<PublicInterview>('interview:state', (p) => p.questions[0]?.answer !== null && p.questions.length === 1);
    expect(seen.questions[0]?.answer).toContain('read replicas');

    // Observers see private notes only once the interviewer shares them.
    await interviewer.send('note:add', { text: 'good instinct on replicas' });
    expect((await request(session, 'GET', '/private', session.tokens.observer)).status).toBe(403);
    await interviewer.send('notes:share', { share: true });
    const shared = await observer.next<PrivateInterview>('private:state');
    expect(shared.notes.map((n) => n.text)).toContain('good instinct on replicas');
    expect((await request(session, 'GET', '/private', session.tokens.observer)).status).toBe(200);
    await interviewer.send('notes:share', { share: false });
    expect((await request(session, 'GET', '/private', session.tokens.observer)).status).toBe(403);

    await interviewer.send('scores:update', { items: [{ id: 'scaling', score: 3, notes: 'replicas and cache' }] });
    const design = '---\nprompt: url-shortener\n---\n## High-level design\n```mermaid\nflowchart LR\n  c([Client]) --> api[API] --> db[(DB)]\n```\n';
    const putDesign = () => fetch(`${server.url}/api/sessions/${session.id}/document`, { method: 'PUT', headers: { authorization: `Bearer ${session.tokens.candidate}` }, body: design });
    expect((await putDesign()).status).toBe(200);

    const closed = await request(session, 'POST', '/close', session.tokens.interviewer);
    expect(closed.status).toBe(200);
    await candidate.next<PublicInterview>('interview:state', (p) => p.interview.closedAt !== null);
    expect((await request(session, 'POST', '/close', session.tokens.interviewer)).status).toBe(409);
    expect((await putDesign()).status).toBe(409);
    const lateAsk = await interviewer.send('question:ask', { text: 'one more?' });
    expect(lateAsk.ok ? 'ok' : lateAsk.error.code).toBe('SESSION_CLOSED');

    // The human review (stored at the close) in GET /reviews follows the private notes' rule.
    const reviewersSeenBy = async (token: string) =>
      ((await (await request(session, 'GET', '/reviews', token)).json()) as { review: { reviewer: string } }[]).map((r) => r.review.reviewer);
    expect(await reviewersSeenBy(session.tokens.interviewer)).toContain('human');
    expect(await reviewersSeenBy(session.tokens.observer)).not.toContain('human');
    await interviewer.send('notes:share', { share: true });
    expect(await reviewersSeenBy(session.tokens.observer)).toContain('human');
    expect(await reviewersSeenBy(session.tokens.candidate)).not.toContain('human');
    await interviewer.send('notes:share', { share: false });
    expect(await reviewersSeenBy(session.tokens.observer)).not.toContain('human');

    type Summary = { reviews: { rules: { reviewer: string } | null; human: { reviewer: string; items: { id: string; score: number }[] } | null }; questions: unknown[]; phases: { phase: string }[] };
    const forInterviewer = (await (await request(session, 'GET', '/summary', session.tokens.interviewer)).json()) as Summary;
    expect(forInterviewer.reviews.rules?.reviewer).toBe('rules');
    expect(forInterviewer.reviews.human?.reviewer).toBe('human');
    expect(forInterviewer.reviews.human?.items.find((i) => i.id === 'scaling')?.score).toBe(3);
    expect(forInterviewer.questions).toHaveLength(1);
    expect(forInterviewer.phases.map((p) => p.phase)).toEqual(['requirements', 'high-level-design']);
    const forCandidate = (await (await request(session, 'GET', '/summary', session.tokens.candidate)).json()) as Summary;
    expect(forCandidate.reviews.human).toBeNull();
    // After a live round the automatic review waits until the interviewer releases it.
    expect(forCandidate.reviews.rules).toBeNull();
    expect((await request(session, 'PUT', '/review-release', session.tokens.interviewer, { released: true })).status).toBe(200);
    const released = (await (await request(session, 'GET', '/summary', session.tokens.candidate)).json()) as Summary;
    expect(released.reviews.rules?.reviewer).toBe('rules');

    const timeline = (await (await request(session, 'GET', '/timeline', session.tokens.observer)).json()) as { points: { seq: number }[] };
    expect(timeline.points.length).toBeGreaterThanOrEqual(2);
    const atStart = (await (await request(session, 'GET', `/replay?seq=${timeline.points[0]!.seq}`, session.tokens.observer)).json()) as { board: { nodes: unknown[] } };
    expect(atStart.board.nodes).toHaveLength(0);
    const atEnd = (await (await request(session, 'GET', `/replay?seq=${timeline.points.at(-1)!.seq}`, session.tokens.observer)).json()) as { board: { nodes: unknown[] } };
    expect(atEnd.board.nodes).toHaveLength(3);
    expect((await request(session, 'GET', '/replay?seq=abc', session.tokens.observer)).status).toBe(400);
  });
});

describe('the policy table (core/src/protocol/policy.ts) is what the server enforces', () => {
  const roles = ['candidate', 'interviewer', 'observer'] as const;
  /** Each socket action with a payload; the role check comes before validation, so only FORBIDDEN matters. */
  const socketActions: [Action, string, unknown][] = [
    ['timer.control', 'timer:control', { action: 'pause' }],
    ['question.ask', 'question:ask', { text: 'policy check?' }],
    ['question.answer', 'question:answer', { id: 999999, text: 'x' }],
    ['note.add', 'note:add', { text: 'policy note' }],
    ['scores.update', 'scores:update', { items: [] }],
    ['notes.share', 'notes:share', { share: false }],
  ];

  for (const mode of ['live', 'solo'] as const) {
    it(`every socket action and board write, ${mode} session, answers each role as the table says`, async () => {
      const session = await createSession(server.url, 'url-shortener', mode);
      for (const role of roles) {
        const socket = await join(session, role);
        for (const [action, event, payload] of socketActions) {
          const reply = await socket.send(event, payload);
          const forbidden = !reply.ok && reply.error.code === 'FORBIDDEN';
          expect(forbidden, `${mode}: ${role} ${event}`).toBe(!may(role, action, { mode }));
        }
        const doc = new Y.Doc();
        let update: Uint8Array | null = null;
        doc.once('update', (u: Uint8Array) => (update = u));
        putNode(doc, { id: `by-${role}`, kind: 'service', label: role, x: 0, y: 0, notes: '', props: {} });
        const reply = await socket.send('board:sync', encodeUpdateMessage(update!));
        expect(reply.ok ? 'ok' : reply.error.code, `${mode}: ${role} board:sync`).toBe(may(role, 'board.write', { mode }) ? 'ok' : 'FORBIDDEN');
      }
    });

    it(`HTTP actions, ${mode} session, answer each role as the table says`, async () => {
      const checks: [Action, string, string, unknown][] = [
        ['prompt.read', 'GET', '/prompt', undefined],
        ['review.run', 'POST', '/reviews', {}],
        ['private.read', 'GET', '/private', undefined],
      ];
      const session = await createSession(server.url, 'url-shortener', mode);
      for (const [action, method, path, body] of checks) {
        for (const role of roles) {
          const res = await request(session, method, path, session.tokens[role], body);
          expect(res.status === 403, `${mode}: ${role} ${method} ${path}`).toBe(!may(role, action, { mode }));
        }
      }
      for (const role of roles) {
        const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${session.tokens[role]}` },
          body: '## Requirements\n\npolicy\n',
        });
        expect(res.status === 403, `${mode}: ${role} PUT /document`).toBe(!may(role, 'board.write', { mode }));
      }
      // Closing last: only the roles the table names may, and the first of them ends it.
      for (const role of ['observer', 'candidate', 'interviewer'] as const) {
        const res = await request(session, 'POST', '/close', session.tokens[role]);
        const allowed = may(role, 'session.close', { mode });
        expect(res.status === 403, `${mode}: ${role} POST /close`).toBe(!allowed);
        if (allowed) break;
      }
    });
  }
});
