import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, type Board } from '../../core/src';
import { designExportSchema } from '../../core/src/export';
import { connectClient, createSession, eventually, type CreatedSession, type TestClient } from '../support/board-client';
import { recordingSocket, type RecordingSocket } from '../support/interview-client';
import { startServer, type RunningServer } from '../support/server';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const DESIGN = `---
prompt: url-shortener
title: First try
---

## Requirements
Shorten a URL; redirect in under 50 ms.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> api[URL service]
  api -->|read-through| cache[(Redis cache)]
  api --> db[(Cassandra)]
\`\`\`
`;
const DRAWING = readFileSync(new URL('../fixtures/import/hand-drawn.excalidraw', import.meta.url), 'utf8');

let server: RunningServer;
const closers: (() => void)[] = [];
beforeAll(async () => {
  server = await startServer({ env: { SESSION_CREATE_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  closers.forEach((close) => close());
  await server?.stop();
});

const api = (session: CreatedSession, path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${server.url}/api/sessions/${session.id}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });

async function boardOf(session: CreatedSession): Promise<Board> {
  const res = await api(session, '/document', session.tokens.observer, { headers: { accept: 'application/json' } });
  return (await res.json()) as Board;
}

async function socket(session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer'): Promise<RecordingSocket> {
  const s = await recordingSocket(server.url, session.id, session.tokens[role]);
  closers.push(() => s.close());
  await s.next('interview:state');
  return s;
}

/** A finished live round: a design, a hostile comment, a question answered, private notes and scores, reviews. */
async function finishedRound(): Promise<CreatedSession> {
  const session = await createSession(server.url);
  expect((await api(session, '/document', session.tokens.candidate, { method: 'PUT', body: DESIGN })).status).toBe(200);
  const interviewer = await socket(session, 'interviewer');
  const candidate = await socket(session, 'candidate');
  expect((await interviewer.send('note:add', { text: `SECRET-NOTE ${HOSTILE}` })).ok).toBe(true);
  expect((await interviewer.send('scores:update', { items: [{ id: 'scaling', score: 3, notes: 'SECRET-SCORE-NOTE' }] })).ok).toBe(true);
  const asked = await interviewer.send('question:ask', { text: `How do you shard? ${HOSTILE}`, item: 'scaling' });
  const questionId = (asked as { data: { id: number } }).data.id;
  expect((await candidate.send('question:answer', { id: questionId, text: `By code hash. ${HOSTILE}` })).ok).toBe(true);
  expect((await api(session, '/close', session.tokens.interviewer, { method: 'POST' })).status).toBe(200);
  return session;
}

describe('GET /api/sessions/:id/export', () => {
  let session: CreatedSession;
  beforeAll(async () => {
    session = await finishedRound();
  });

  it('sends md, html and json as downloads with a sensible name', async () => {
    for (const [format, type] of [['md', 'text/markdown'], ['html', 'text/html'], ['json', 'application/json']] as const) {
      const res = await api(session, `/export?format=${format}`, session.tokens.candidate);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="?url-shortener-review-\\d{4}-\\d\\d-\\d\\d\\.${format}"?$`));
    }
  });

  it('shows private notes and the human scores to the interviewer only, and to observers once shared', async () => {
    const read = async (role: 'candidate' | 'interviewer' | 'observer') => {
      const res = await api(session, '/export?format=json', session.tokens[role]);
      return designExportSchema.parse(await res.json());
    };
    const mine = await read('interviewer');
    expect(mine.private?.notes.map((n) => n.text)).toEqual([`SECRET-NOTE ${HOSTILE}`]);
    expect(mine.reviews.map((r) => r.review.reviewer).sort()).toEqual(['human', 'rules']);
    expect(mine.questions[0]).toMatchObject({ answer: `By code hash. ${HOSTILE}` });
    for (const role of ['candidate', 'observer'] as const) {
      const theirs = await read(role);
      expect(theirs.private).toBeNull();
      expect(theirs.reviews.map((r) => r.review.reviewer)).toEqual(['rules']);
      const html = await (await api(session, '/export?format=html', session.tokens[role])).text();
      expect(html).not.toContain('SECRET');
      const md = await (await api(session, '/export?format=md', session.tokens[role])).text();
      expect(md).not.toContain('SECRET');
    }
    const interviewer = await socket(session, 'interviewer');
    expect((await interviewer.send('notes:share', { share: true })).ok).toBe(true);
    expect((await read('observer')).private?.notes).toHaveLength(1);
    expect((await read('candidate')).private).toBeNull();
  });

  it('escapes what users wrote and keeps the questions, answers and phases in the html', async () => {
    const html = await (await api(session, '/export?format=html', session.tokens.interviewer)).text();
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('By code hash. &lt;/script&gt;');
    expect(html).toContain('id="answer-');
  });

  it('refuses an unknown format, a missing token and a wrong one', async () => {
    const bad = await api(session, '/export?format=pdf', session.tokens.candidate);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'unknown export format "pdf"; use md, html or json' } });
    expect((await api(session, '/export?format=md', null)).status).toBe(401);
    expect((await api(session, '/export?format=md', 'x'.repeat(43))).status).toBe(401);
  });
});

describe('POST /api/sessions/:id/import', () => {
  const post = (session: CreatedSession, query: string, body: string, token = session.tokens.candidate) =>
    api(session, `/import${query}`, token, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });

  it('replaces the live board with an Excalidraw drawing, lists what it could not map, and every client sees it', async () => {
    const session = await createSession(server.url);
    const watcher: TestClient = connectClient(server.url, session.id, session.tokens.observer, new Y.Doc());
    closers.push(() => watcher.close());
    const res = await post(session, '?mode=replace', DRAWING);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; format: string; nodes: number; edges: number; unmapped: string[] };
    expect(body).toMatchObject({ ok: true, format: 'excalidraw', nodes: 6, edges: 3 });
    expect(body.unmapped).toHaveLength(6);
    const board = await boardOf(session);
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['backend', 'browser', 'load-balancer', 'orders-db', 'redis-cache', 'remember-shard-by-user-id']);
    expect(board.meta.prompt).toBe('url-shortener');
    await eventually(() => readBoard(watcher.doc).nodes.length === 6, 'the connected client to receive the import');
  });

  it('merges a Mermaid flowchart beside what is there, renaming colliding ids', async () => {
    const session = await createSession(server.url);
    expect((await api(session, '/document', session.tokens.candidate, { method: 'PUT', body: DESIGN })).status).toBe(200);
    const res = await post(session, '?mode=merge&format=mermaid', 'flowchart LR\n  api[Gateway] --> q[(Kafka)]\n');
    expect(res.status).toBe(200);
    const board = await boardOf(session);
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['api', 'api-2', 'cache', 'client', 'db', 'q']);
    expect(board.edges.find((e) => e.source === 'api-2')?.target).toBe('q');
    expect(board.sections.requirements).toBe('Shorten a URL; redirect in under 50 ms.');
  });

  it('refuses bad input with a clear error and leaves the board as it was', async () => {
    const session = await createSession(server.url);
    expect((await api(session, '/document', session.tokens.candidate, { method: 'PUT', body: DESIGN })).status).toBe(200);
    const before = await boardOf(session);
    const cases: [string, string, number, RegExp][] = [
      ['?mode=replace', '{"type":"excalidraw","elements":[', 400, /not valid JSON/],
      ['?mode=replace', 'hello there', 400, /cannot tell the format/],
      ['?mode=replace&format=mermaid', 'sequenceDiagram\n A->>B: x', 400, /line 1: the text is not a Mermaid flowchart/],
      ['?mode=sideways', DESIGN, 400, /choose \?mode=replace/],
      ['', DESIGN, 400, /choose \?mode=replace/],
      ['?mode=merge&format=pdf', DESIGN, 400, /format/],
      ['?mode=replace', `${DESIGN}${'x'.repeat(2 * 1024 * 1024)}`, 413, /larger than the limit/],
      ['?mode=replace', '   ', 400, /send the design/],
    ];
    for (const [query, body, status, message] of cases) {
      const res = await post(session, query, body);
      expect(res.status, query).toBe(status);
      const error = ((await res.json()) as { error: { message: string } }).error;
      expect(error.message).toMatch(message);
    }
    expect((await post(session, '?mode=replace', DRAWING, session.tokens.observer)).status).toBe(403);
    expect(await boardOf(session)).toEqual(before);
  });

  it('refuses to change an ended session', async () => {
    const session = await createSession(server.url);
    expect((await api(session, '/close', session.tokens.interviewer, { method: 'POST' })).status).toBe(200);
    expect((await post(session, '?mode=replace', DRAWING, session.tokens.interviewer)).status).toBe(409);
  });
});
