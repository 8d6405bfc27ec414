import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard, type Board } from '../../core/src';
import { connectClient, createSession, eventually, type CreatedSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { SESSION_CREATE_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await server?.stop();
});

const DESIGN = `---
prompt: url-shortener
title: First try
---

## Requirements
Shorten a URL; redirect in under 50 ms.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> lb[Load balancer]
  lb --> api[URL service]
  api -->|read-through| cache[(Redis cache)]
  api --> db[(Cassandra)]
\`\`\`
Reads go through the cache.

## Trade-offs
Hash vs counter.
`;

async function put(session: CreatedSession, body: string, token = session.tokens.candidate) {
  return fetch(`${server.url}/api/sessions/${session.id}/document`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/markdown' },
    body,
  });
}

async function getJson(session: CreatedSession, token = session.tokens.candidate): Promise<Board> {
  const res = await fetch(`${server.url}/api/sessions/${session.id}/document?token=${token}`, { headers: { accept: 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Board;
}

describe('sessions', () => {
  it('creates a session with a link and a strong token per role', async () => {
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'rate-limiter', mode: 'solo' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreatedSession;
    for (const role of ['candidate', 'interviewer', 'observer'] as const) {
      expect(body.links[role]).toBe(`/s/${body.id}#token=${body.tokens[role]}`);
      // 32 random bytes in base64url: 256 bits.
      expect(body.tokens[role]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(new Set(Object.values(body.tokens)).size).toBe(3);
    const board = await getJson(body);
    expect(board.meta).toMatchObject({ prompt: 'rate-limiter' });
  });

  it('rejects an unknown prompt and a malformed body with 400 and a JSON error', async () => {
    for (const body of [JSON.stringify({ prompt: 'nope', mode: 'live' }), JSON.stringify({ mode: 'live' }), '{not json']) {
      const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('BAD_REQUEST');
      expect(json.error.message).not.toMatch(/at .*\.ts/);
    }
  });

  it('answers tokens: missing 401, wrong 401, unknown session 404, observer write 403', async () => {
    const session = await createSession(server.url);
    const url = `${server.url}/api/sessions/${session.id}/document`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/sessions/missing/document?token=${session.tokens.candidate}`)).status).toBe(404);
    const res = await put(session, DESIGN, session.tokens.observer);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await getJson(session)).nodes).toEqual([]);
  });
});

describe('the design document over HTTP', () => {
  it('PUT replaces the board, GET returns it as Markdown and as JSON', async () => {
    const session = await createSession(server.url);
    const res = await put(session, DESIGN);
    expect(res.status).toBe(200);
    const board = await getJson(session);
    expect(board.nodes.map((n) => [n.id, n.kind]).sort()).toEqual([
      ['api', 'service'],
      ['cache', 'cache'],
      ['client', 'client'],
      ['db', 'database'],
      ['lb', 'load-balancer'],
    ]);
    expect(board.edges).toHaveLength(4);
    expect(board.edges.find((e) => e.target === 'cache')?.label).toBe('read-through');
    expect(board.sections['high-level-design']).toContain('Reads go through the cache.');

    const md = await fetch(`${server.url}/api/sessions/${session.id}/document`, { headers: { authorization: `Bearer ${session.tokens.observer}` } });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const text = await md.text();
    expect(text).toContain('```mermaid');
    expect(text).toContain('Redis cache');
  });

  it('a second PUT is applied in place: nothing duplicated, removed nodes gone', async () => {
    const session = await createSession(server.url);
    expect((await put(session, DESIGN)).status).toBe(200);
    const smaller = DESIGN.replace('  api --> db[(Cassandra)]\n', '');
    expect((await put(session, smaller)).status).toBe(200);
    const board = await getJson(session);
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['api', 'cache', 'client', 'lb']);
    expect(board.edges).toHaveLength(3);
    expect((board.sections.requirements?.match(/Shorten/g) ?? []).length).toBe(1);
  });

  it('a PUT reaches connected clients live', async () => {
    const session = await createSession(server.url);
    const watcher = connectClient(server.url, session.id, session.tokens.interviewer);
    try {
      await watcher.until((s) => s.status === 'saved', 'watcher synced');
      expect((await put(session, DESIGN)).status).toBe(200);
      await eventually(() => readBoard(watcher.doc).nodes.length === 5, 'imported nodes at the watcher');
    } finally {
      watcher.close();
    }
  });

  it('a broken design doc gets 400 naming the problem and changes nothing', async () => {
    const session = await createSession(server.url);
    expect((await put(session, DESIGN)).status).toBe(200);
    const before = await getJson(session);
    for (const broken of ['no front matter here\n## API\nGET /x', '---\nprompt: [unclosed\n---\n## API\n']) {
      const res = await put(session, broken);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('BAD_REQUEST');
      expect(json.error.message.length).toBeGreaterThan(10);
    }
    const huge = await put(session, DESIGN + 'x'.repeat(1024 * 1024 + 10));
    expect(huge.status).toBe(413);
    expect(await getJson(session)).toEqual(before);
  });

  it('unsupported Mermaid lines come back as warnings with line numbers', async () => {
    const session = await createSession(server.url);
    const withOddLine = DESIGN.replace('  api --> db[(Cassandra)]', '  api --> db[(Cassandra)]\n  this is not mermaid at all');
    const res = await put(session, withOddLine);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { warnings: string[] };
    expect(body.warnings.some((w) => /^line 16:/.test(w))).toBe(true);
  });
});

describe('the rest of the HTTP surface', () => {
  it('serves health, prompts, and JSON 404s', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, storage: 'sqlite' });
    const prompts = (await (await fetch(`${server.url}/api/prompts`)).json()) as { id: string }[];
    expect(prompts.map((p) => p.id)).toEqual(expect.arrayContaining(['url-shortener', 'rate-limiter', 'notification-service', 'order-system']));
    const one = await fetch(`${server.url}/api/prompts/url-shortener`);
    expect(((await one.json()) as { title: string }).title.length).toBeGreaterThan(3);
    const missing = await fetch(`${server.url}/api/prompts/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });

  it('never writes a token to the log', async () => {
    const session = await createSession(server.url);
    await getJson(session);
    await fetch(`${server.url}/api/sessions/${session.id}/document`, { headers: { authorization: `Bearer ${session.tokens.interviewer}` } });
    for (const token of Object.values(session.tokens)) expect(server.output()).not.toContain(token);
  });

  it('limits session creation per address', async () => {
    const limited = await startServer({ env: { SESSION_CREATE_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"url-shortener","mode":"live"}' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
