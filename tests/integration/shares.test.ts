import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designExportSchema } from '../../core/src/export';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/types';
import { createSession, type CreatedSession } from '../support/board-client';
import { recordingSocket, type RecordingSocket } from '../support/interview-client';
import { startServer, type RunningServer } from '../support/server';

const DESIGN = `---
prompt: url-shortener
---

## Requirements
Shorten a URL.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> api[URL service] --> db[(Cassandra)]
\`\`\`
`;

let server: RunningServer;
const sockets: RecordingSocket[] = [];
beforeAll(async () => {
  server = await startServer({ env: { SESSION_CREATE_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop();
});

const api = (session: CreatedSession, p: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${server.url}/api/sessions/${session.id}${p}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
const share = (session: CreatedSession, token: string, body: unknown) => api(session, '/shares', token, { method: 'POST', body: JSON.stringify(body) });

interface ReviewRow {
  id: number;
  review: { reviewer: string };
}

/** A closed live round with a private note, human scores, and two rules reviews (one on request, one at the close). */
async function round(mode: 'live' | 'solo' = 'live'): Promise<{ session: CreatedSession; rules: number[]; human: number | undefined }> {
  const session = await createSession(server.url, 'url-shortener', mode);
  await api(session, '/document', session.tokens.candidate, { method: 'PUT', body: DESIGN });
  const interviewer = await recordingSocket(server.url, session.id, session.tokens.interviewer);
  sockets.push(interviewer);
  await interviewer.next('interview:state');
  expect((await interviewer.send('note:add', { text: 'SECRET-NOTE' })).ok).toBe(true);
  expect((await interviewer.send('scores:update', { items: [{ id: 'api', score: 2, notes: 'SECRET-SCORE' }] })).ok).toBe(true);
  expect((await api(session, '/reviews', session.tokens.candidate, { method: 'POST', body: '{}' })).status).toBe(201);
  expect((await api(session, '/close', session.tokens.interviewer, { method: 'POST' })).status).toBe(200);
  const reviews = (await (await api(session, '/reviews', session.tokens.interviewer)).json()) as ReviewRow[];
  return {
    session,
    rules: reviews.filter((r) => r.review.reviewer === 'rules').map((r) => r.id),
    human: reviews.find((r) => r.review.reviewer === 'human')?.id,
  };
}

const open = (link: string) => fetch(`${server.url}${link}`);
const sharedJson = async (token: string) => designExportSchema.parse(await (await fetch(`${server.url}/api/shared/${token}?format=json`)).json());

describe('review links', () => {
  it('the interviewer shares chosen reviews without private notes: the link shows exactly those', async () => {
    const { session, rules } = await round();
    const res = await share(session, session.tokens.interviewer, { reviews: [String(rules[0])] });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; token: string; link: string };
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.link).toBe(`/r/${made.token}`);

    const page = await open(made.link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<svg');
    expect(html).toContain('Rubric reviewer');
    expect(html).not.toContain('SECRET');
    expect(html).not.toContain('Interviewer:');
    const json = await sharedJson(made.token);
    expect(json.reviews.map((r) => r.id)).toEqual([rules[0]]);
    expect(json.private).toBeNull();
  });

  it('includes the private notes and the human scores only when the interviewer chose to', async () => {
    const { session, human } = await round();
    const made = (await (await share(session, session.tokens.interviewer, { reviews: 'all', includePrivate: true })).json()) as { token: string; link: string };
    const html = await (await open(made.link)).text();
    expect(html).toContain('SECRET-NOTE');
    const json = await sharedJson(made.token);
    expect(json.reviews.map((r) => r.id)).toContain(human);
    expect(json.private?.scores?.items[0]).toMatchObject({ id: 'api', notes: 'SECRET-SCORE' });
  });

  it('lets only the interviewer, or the candidate practising alone, make links; private notes only by the interviewer', async () => {
    const { session, human } = await round();
    expect((await share(session, session.tokens.candidate, { reviews: 'all' })).status).toBe(403);
    expect((await share(session, session.tokens.observer, { reviews: 'all' })).status).toBe(403);
    expect((await api(session, '/shares', session.tokens.candidate)).status).toBe(403);
    expect((await share(session, 'nope'.repeat(11), { reviews: 'all' })).status).toBe(401);
    // The human scores are private: choosing them needs includePrivate.
    const needsPrivate = await share(session, session.tokens.interviewer, { reviews: [String(human)] });
    expect(needsPrivate.status).toBe(400);
    expect(((await needsPrivate.json()) as { error: { message: string } }).error.message).toMatch(/private; set includePrivate/);
    expect((await share(session, session.tokens.interviewer, { reviews: ['99999'] })).status).toBe(400);
    expect((await share(session, session.tokens.interviewer, { reviews: [] })).status).toBe(400);
    expect((await share(session, session.tokens.interviewer, { reviews: 'some' })).status).toBe(400);

    const solo = await round('solo');
    const mine = await share(solo.session, solo.session.tokens.candidate, { reviews: 'all' });
    expect(mine.status).toBe(201);
    expect((await share(solo.session, solo.session.tokens.candidate, { reviews: 'all', includePrivate: true })).status).toBe(403);
    const json = await sharedJson(((await mine.json()) as { token: string }).token);
    expect(json.private).toBeNull();
    expect(json.reviews.every((r) => r.review.reviewer !== 'human')).toBe(true);
    // The candidate's list holds only the candidate's own links.
    await share(solo.session, solo.session.tokens.interviewer, { reviews: 'all', includePrivate: true });
    const listed = (await (await api(solo.session, '/shares', solo.session.tokens.candidate)).json()) as { createdBy: string }[];
    expect(listed.map((s) => s.createdBy)).toEqual(['candidate']);
  });

  it('stops working when revoked, and unknown tokens find nothing', async () => {
    const { session } = await round();
    const made = (await (await share(session, session.tokens.interviewer, { reviews: 'all' })).json()) as { id: string; token: string; link: string };
    const listed = (await (await api(session, '/shares', session.tokens.interviewer)).json()) as { id: string; revokedAt: number | null }[];
    expect(listed).toEqual([expect.objectContaining({ id: made.id, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(made.token);

    expect((await api(session, `/shares/${made.id}`, session.tokens.observer, { method: 'DELETE' })).status).toBe(403);
    expect((await api(session, `/shares/${made.id}`, session.tokens.interviewer, { method: 'DELETE' })).status).toBe(204);
    expect((await open(made.link)).status).toBe(410);
    const gone = await fetch(`${server.url}/api/shared/${made.token}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'this review link has been revoked' } });
    expect((await api(session, '/shares/unknown', session.tokens.interviewer, { method: 'DELETE' })).status).toBe(404);

    expect((await open(`/r/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await open('/r/short')).status).toBe(404);
    expect((await fetch(`${server.url}/api/shared/${'A'.repeat(43)}?format=json`)).status).toBe(404);
    const badFormat = await fetch(`${server.url}/api/shared/${made.token}?format=docx`);
    expect(badFormat.status).toBe(400);
  });

  it('never writes a share token into the request log', async () => {
    const { session } = await round();
    const made = (await (await share(session, session.tokens.interviewer, { reviews: 'all' })).json()) as { token: string; link: string };
    await open(made.link);
    await fetch(`${server.url}/api/shared/${made.token}`);
    expect(server.output()).toContain('/r/<token>');
    expect(server.output()).not.toContain(made.token);
  });
});

const backends: [string, () => Promise<Storage>][] = [['sqlite', async () => openSqliteStorage(mkdtempSync(path.join(tmpdir(), 'designroom-shares-')))]];
if (process.env.TEST_DATABASE_URL) backends.push(['postgres', () => openPostgresStorage(process.env.TEST_DATABASE_URL!)]);

describe.each(backends)('share storage: %s', (_name, openStorage) => {
  it('adds, lists, finds by token hash and revokes once', async () => {
    const s = await openStorage();
    try {
      const sessionId = `s${Date.now().toString(36)}`;
      const base = { sessionId, createdBy: 'interviewer' as const, revokedAt: null };
      await s.addShare({ ...base, id: `a${sessionId}`, createdAt: 1, reviews: 'all', includePrivate: true }, `hash-a-${sessionId}`);
      await s.addShare({ ...base, id: `b${sessionId}`, createdAt: 2, reviews: ['3', 'human'], includePrivate: false }, `hash-b-${sessionId}`);
      expect((await s.listShares(sessionId)).map((x) => [x.id, x.reviews, x.includePrivate])).toEqual([
        [`a${sessionId}`, 'all', true],
        [`b${sessionId}`, ['3', 'human'], false],
      ]);
      expect((await s.shareForToken(`hash-b-${sessionId}`))?.id).toBe(`b${sessionId}`);
      expect(await s.shareForToken('nope')).toBeNull();
      expect(await s.revokeShare(sessionId, `a${sessionId}`, 9)).toBe(true);
      expect(await s.revokeShare(sessionId, `a${sessionId}`, 10)).toBe(false);
      expect(await s.revokeShare('other', `b${sessionId}`, 10)).toBe(false);
      expect((await s.shareForToken(`hash-a-${sessionId}`))?.revokedAt).toBe(9);
    } finally {
      await s.close();
    }
  });
});
