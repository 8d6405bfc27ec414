import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewMetaSchema } from '../../core/src';
import { reviewSchema, type Review } from '../../core/src/rubric/schema';
import { createSession, type CreatedSession } from '../support/board-client';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { recordingSocket } from '../support/interview-client';
import { startServer, type RunningServer } from '../support/server';

const KEY = 'sk-test-never-leaves-the-server-7f3a9c';
const TIMEOUT_MS = 3000;

let fake: FakeOpenAI;
let server: RunningServer;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await startServer({ env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) } });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

const strong = readFileSync('tests/fixtures/designs/url-shortener-strong.md', 'utf8');
const weak = readFileSync('tests/fixtures/designs/url-shortener-weak.md', 'utf8');

async function sessionWith(doc: string): Promise<CreatedSession> {
  const session = await createSession(server.url);
  const put = await fetch(`${server.url}/api/sessions/${session.id}/document`, { method: 'PUT', headers: { authorization: `Bearer ${session.tokens.candidate}` }, body: doc });
  expect(put.status).toBe(200);
  return session;
}

async function review(session: CreatedSession, reviewer: 'openai' | 'rules' = 'openai'): Promise<{ review: Review; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reviewer }),
  });
  expect(res.status).toBe(201);
  return { review: reviewSchema.parse(await res.json()), ms: Date.now() - started };
}

describe('the OpenAI reviewer against a fake OpenAI server, through the real SDK', () => {
  it('lists itself as available with its model, and is the default', async () => {
    const body = (await (await fetch(`${server.url}/api/reviewers`)).json()) as unknown;
    expect(body).toEqual({ reviewers: [{ name: 'rules', available: true }, { name: 'openai', available: true, model: 'fake-model' }], default: 'openai' });
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it('turns a good answer into an openai Review with stored tokens, model and latency; the request carries the board and no session token', async () => {
    fake.respond('good');
    const session = await sessionWith(strong);
    const before = fake.requests.length;
    const { review: r } = await review(session);
    expect(r.reviewer).toBe('openai');
    // overall is computed from the item scores (fake: 2,3,2,3,... all weights from the rubric), never taken from the model.
    expect(r.overall).toBeGreaterThan(0);
    expect(r.items.every((i) => i.evidence.length === 1)).toBe(true);
    expect(r.followUps).toEqual([{ item: 'scaling', question: 'What breaks first at ten times the traffic?' }]);

    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body;
    expect(body).toContain('Redis');
    expect(body).toContain('## The candidate');
    expect(body).toContain('json_schema');
    for (const token of Object.values(session.tokens)) expect(body).not.toContain(token);
    for (const link of Object.values(session.links)) expect(body).not.toContain(link);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    const list = (await (await fetch(`${server.url}/api/sessions/${session.id}/reviews`, { headers: { authorization: `Bearer ${session.tokens.candidate}` } })).json()) as { review: Review; meta: unknown }[];
    const meta = reviewMetaSchema.parse(list.at(-1)!.meta);
    expect(meta).toMatchObject({ reviewer: 'openai', requested: 'openai', model: 'fake-model', promptTokens: 1234, completionTokens: 321, attempts: 1 });
    expect(meta.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(list)).not.toContain(KEY);
  });

  it('drops refs that point at nothing, counts them, and clamps a score more than one above the rules reviewer that has no evidence', async () => {
    fake.respond('bad-refs');
    const session = await sessionWith(weak);
    const rules = (await review(session, 'rules')).review;
    const { review: r } = await review(session);
    expect(r.reviewer).toBe('openai');
    const refs = r.items.flatMap((i) => i.evidence.map((e) => e.ref));
    expect(refs).not.toContain('node:ghost');
    expect(refs).not.toContain('node:not-on-the-board');
    expect(r.warnings.some((w) => /Dropped 8 evidence refs/.test(w))).toBe(true);
    const tradeOffs = r.items.find((i) => i.id === 'trade-offs')!;
    const baseline = rules.items.find((i) => i.id === 'trade-offs')!.score;
    expect(baseline).toBeLessThan(3);
    expect(tradeOffs.score).toBe(baseline + 1);
    expect(r.warnings.some((w) => w.startsWith('Trade-offs: the model gave 4/4 without evidence'))).toBe(true);
  });

  it('streams the stages of a review to the session, tagged with the request id, including the retry', async () => {
    fake.respond('http-500', 'good');
    const session = await sessionWith(strong);
    const watcher = await recordingSocket(server.url, session.id, session.tokens.observer);
    try {
      const res = await fetch(`${server.url}/api/sessions/${session.id}/reviews`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reviewer: 'openai', requestId: 'req-42' }),
      });
      const got = reviewSchema.parse(await res.json());
      expect(got.reviewer, got.warnings.join(' / ')).toBe('openai');
      await watcher.next('review:progress', (p: { stage: string }) => p.stage === 'done');
      const stages = watcher.received.filter((r) => r.event === 'review:progress').map((r) => r.payload as { requestId: string; stage: string });
      expect(stages.every((p) => p.requestId === 'req-42')).toBe(true);
      expect(stages.map((p) => p.stage)).toEqual(['started', 'rules', 'model', 'retry', 'validating', 'validating', 'done']);
    } finally {
      watcher.close();
    }
  });

  for (const failure of ['malformed', 'http-500', 'hang'] as const) {
    it(`${failure}: one retry, then the rules review with a warning, within the timeout plus a second`, async () => {
      fake.respond(failure);
      const session = await sessionWith(strong);
      const before = fake.requests.length;
      const { review: r, ms } = await review(session);
      expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
      expect(r.reviewer).toBe('rules');
      expect(r.warnings.some((w) => /The OpenAI reviewer failed \(.+\) after 2 attempts; the rules reviewer answered instead\./.test(w))).toBe(true);
      expect(fake.requests.length - before).toBe(2);
      const list = (await (await fetch(`${server.url}/api/sessions/${session.id}/reviews`, { headers: { authorization: `Bearer ${session.tokens.candidate}` } })).json()) as { meta: unknown }[];
      expect(reviewMetaSchema.parse(list.at(-1)!.meta)).toMatchObject({ reviewer: 'rules', requested: 'openai', attempts: 2 });
    });
  }

  it('the key never reaches a log or an export', async () => {
    fake.respond('http-500');
    const session = await sessionWith(strong);
    await review(session);
    const exported = await (await fetch(`${server.url}/api/sessions/${session.id}/document`, { headers: { authorization: `Bearer ${session.tokens.candidate}` } })).text();
    expect(exported).not.toContain(KEY);
    expect(server.output()).not.toContain(KEY);
  });

  it('`designroom review FILE --reviewer openai` uses the same reviewer', async () => {
    fake.respond('good');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['bin/designroom.mjs', 'review', 'tests/fixtures/designs/url-shortener-strong.md', '--json', '--reviewer', 'openai'], {
      env: { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    const r = reviewSchema.parse(JSON.parse(stdout));
    expect(r.reviewer).toBe('openai');
    expect(stdout).not.toContain(KEY);
  });
});
