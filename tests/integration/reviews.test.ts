import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSchema } from '../../core/src/rubric/schema';
import { RUBRIC_ITEM_IDS } from '../../core/src';
import { createSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const strong = readFileSync('tests/fixtures/designs/url-shortener-strong.md', 'utf8');

describe('reviews over HTTP', () => {
  it('runs the rules review on the live board, stores it, and lists it', async () => {
    const session = await createSession(server.url);
    const auth = { authorization: `Bearer ${session.tokens.candidate}` };
    const put = await fetch(`${server.url}/api/sessions/${session.id}/document`, { method: 'PUT', headers: auth, body: strong });
    expect(put.status).toBe(200);

    const res = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ reviewer: 'rules' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/api/sessions/${session.id}/reviews/\\d+$`));
    const review = reviewSchema.parse(await res.json());
    expect(review.items.map((i) => i.id)).toEqual([...RUBRIC_ITEM_IDS]);
    expect(review.prompt).toBe('url-shortener');
    expect(review.overall).toBeGreaterThan(50);
    // Evidence points into the board that was reviewed.
    const refs = review.items.flatMap((i) => i.evidence.map((e) => e.ref));
    expect(refs.some((r) => r.startsWith('node:'))).toBe(true);

    const list = (await (await fetch(`${server.url}/api/sessions/${session.id}/reviews`, { headers: { authorization: `Bearer ${session.tokens.observer}` } })).json()) as { review: { overall: number } }[];
    expect(list.map((r) => r.review.overall)).toEqual([review.overall]);
  });

  it('an empty board scores low and asks about the gaps; observers may not run reviews', async () => {
    const session = await createSession(server.url, 'rate-limiter');
    const res = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const review = reviewSchema.parse(await res.json());
    expect(review.overall).toBeLessThan(10);
    expect(review.followUps.length).toBeGreaterThan(0);
    const observer = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.observer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(observer.status).toBe(403);
    const bad = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'application/json' },
      body: '{"reviewer":"oracle"}',
    });
    expect(bad.status).toBe(400);
  });

  it('serves the rubric for a prompt and 404 for an unknown one', async () => {
    const res = await fetch(`${server.url}/api/rubrics/order-system`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { generic: { items: { id: string }[] } };
    expect(body.generic.items.map((i) => i.id)).toEqual([...RUBRIC_ITEM_IDS]);
    expect((await fetch(`${server.url}/api/rubrics/nope`)).status).toBe(404);
  });
});
