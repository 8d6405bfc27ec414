/**
 * The interviewer's verdict over HTTP: the hire recommendation is theirs alone (stored, read
 * back, in their summary only), bad input is refused with a clear error and changes nothing,
 * and the automatic review of a live round is held back from the candidate until released.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, type CreatedSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const call = (session: CreatedSession, method: string, path: string, token: string, body?: unknown) =>
  fetch(`${server.url}/api/sessions/${session.id}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('the interviewer’s verdict', () => {
  it('stores the recommendation for the interviewer only and refuses bad input without changing it', async () => {
    const session = await createSession(server.url);
    const t = session.tokens;
    expect(((await (await call(session, 'GET', '/recommendation', t.interviewer)).json()) as { recommendation: unknown }).recommendation).toBeNull();

    const saved = await call(session, 'PUT', '/recommendation', t.interviewer, { verdict: 'lean-hire', reason: '  good trade-offs  ' });
    expect(saved.status).toBe(200);

    for (const body of [{ verdict: 'maybe' }, { verdict: 'hire', reason: 'x' }, { reason: 'no verdict' }, { verdict: 'no-hire', reason: 'x'.repeat(2001) }]) {
      const bad = await call(session, 'PUT', '/recommendation', t.interviewer, body);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    expect((await call(session, 'PUT', '/recommendation', t.candidate, { verdict: 'strong-hire' })).status).toBe(403);
    expect((await call(session, 'PUT', '/recommendation', t.observer, { verdict: 'strong-hire' })).status).toBe(403);

    const read = (await (await call(session, 'GET', '/recommendation', t.interviewer)).json()) as { recommendation: { verdict: string; reason: string } };
    expect(read.recommendation).toMatchObject({ verdict: 'lean-hire', reason: 'good trade-offs' });

    type Summary = { private: { recommendation: { verdict: string } | null; notes: unknown[] } | null };
    const mine = (await (await call(session, 'GET', '/summary', t.interviewer)).json()) as Summary;
    expect(mine.private?.recommendation?.verdict).toBe('lean-hire');
    const theirs = await (await call(session, 'GET', '/summary', t.candidate)).text();
    expect(JSON.parse(theirs)).toMatchObject({ private: null });
    expect(theirs).not.toContain('good trade-offs');
  });

  it('holds the closing review back from the candidate of a live round until released, also in GET /reviews', async () => {
    const session = await createSession(server.url);
    const t = session.tokens;
    expect((await call(session, 'POST', '/close', t.interviewer)).status).toBe(200);
    const rulesOf = async (token: string) =>
      ((await (await call(session, 'GET', '/reviews', token)).json()) as { review: { reviewer: string } }[]).filter((r) => r.review.reviewer === 'rules').length;
    expect(await rulesOf(t.interviewer)).toBe(1);
    expect(await rulesOf(t.candidate)).toBe(0);
    expect((await call(session, 'PUT', '/review-release', t.candidate, { released: true })).status).toBe(403);
    expect((await call(session, 'PUT', '/review-release', t.interviewer, { released: 'yes' })).status).toBe(400);
    expect(await rulesOf(t.candidate)).toBe(0);
    expect((await call(session, 'PUT', '/review-release', t.interviewer, { released: true })).status).toBe(200);
    expect(await rulesOf(t.candidate)).toBe(1);
  });

  it('a solo practice shows its own review at once', async () => {
    const session = await createSession(server.url, 'url-shortener', 'solo');
    expect((await call(session, 'POST', '/close', session.tokens.candidate)).status).toBe(200);
    const summary = (await (await call(session, 'GET', '/summary', session.tokens.candidate)).json()) as { reviews: { rules: unknown } };
    expect(summary.reviews.rules).not.toBeNull();
  });
});
