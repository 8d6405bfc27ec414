/** `GET /api/sessions/:id/simulation?traffic=N` and `GET /api/traffic/capacity` on a real server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrafficOverlay, setTrafficOverlay } from '../../core/src/board/traffic-overlay';
import { capacityDefaultsSchema, simulationResultSchema } from '../../core/src/traffic/index';
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
---

## Requirements
Redirect p99 under 50 ms.

## Estimation
- 1,000 writes/s and 20k redirects/s at peak.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> api[URL service]
  api --> cache[(Redis cache)]
  api --> db[(PostgreSQL)]
\`\`\`
`;

async function withDesign(): Promise<CreatedSession> {
  const session = await createSession(server.url);
  const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'text/markdown' },
    body: DESIGN,
  });
  expect(res.status).toBe(200);
  return session;
}

function simulation(session: CreatedSession, query: string, token: string | null = session.tokens.observer) {
  return fetch(`${server.url}/api/sessions/${session.id}/simulation${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('GET /api/sessions/:id/simulation', () => {
  it('answers the contract for the live board, to any role', async () => {
    const session = await withDesign();
    const res = await simulation(session, '?traffic=10');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['traffic', 'baseline', 'nodes', 'bottlenecks', 'firstBottleneck', 'paths', 'warnings']);
    const result = simulationResultSchema.parse(body);
    expect(result.traffic).toBe(10);
    expect(result.baseline).toEqual({ readsPerSecond: 20_000, writesPerSecond: 1000, source: 'Estimation section: reads “20k redirects/s” at peak, writes “1,000 writes/s”' });
    // PostgreSQL at 10×: 20,000 misses of 10,000 reads + 10,000 writes of 5,000 = 4.
    expect(result.nodes.find((n) => n.id === 'db')).toMatchObject({ kind: 'database', loadPerSecond: 30_000, utilisation: 4 });
    expect(result.bottlenecks[0]).toBe('db');
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 2.5 });
    expect(result.paths.map((p) => p.name)).toEqual(['read', 'write']);
  });

  it('defaults to 1× and uses the figures typed in the traffic panel once a writer sets them', async () => {
    const session = await withDesign();
    const one = simulationResultSchema.parse(await (await simulation(session, '')).json());
    expect(one.traffic).toBe(1);
    const candidate = connectClient(server.url, session.id, session.tokens.candidate);
    try {
      await candidate.until((s) => s.status === 'saved', 'initial sync');
      setTrafficOverlay(candidate.doc, { typed: { readsPerSecond: 100, writesPerSecond: 10 } }, 'test');
      await candidate.until((s) => s.status === 'saved', 'the overlay to be stored');
      const typed = simulationResultSchema.parse(await (await simulation(session, '?traffic=2')).json());
      expect(typed.baseline).toEqual({ readsPerSecond: 100, writesPerSecond: 10, source: 'typed in the traffic panel' });
      expect(typed.nodes.find((n) => n.id === 'api')?.loadPerSecond).toBe(220);
    } finally {
      candidate.close();
    }
  });

  it('refuses a bad multiple, a missing token and an unknown session with a clear error', async () => {
    const session = await withDesign();
    for (const bad of ['abc', '0', '-1', '20000', '1e3']) {
      const res = await simulation(session, `?traffic=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'traffic must be one number from 0.01 to 10000, e.g. ?traffic=10' } });
    }
    expect((await simulation(session, '?traffic=1&traffic=2')).status).toBe(400);
    expect((await simulation(session, '', null)).status).toBe(401);
    const unknown = await fetch(`${server.url}/api/sessions/nope/simulation?token=${session.tokens.candidate}`);
    expect(unknown.status).toBe(404);
  });
});

describe('the overlay is shared by everyone in the room', () => {
  it('a candidate turns it on at 10×; the interviewer sees it; an observer cannot change it', async () => {
    const session = await withDesign();
    const candidate = connectClient(server.url, session.id, session.tokens.candidate);
    const interviewer = connectClient(server.url, session.id, session.tokens.interviewer);
    const observer = connectClient(server.url, session.id, session.tokens.observer);
    try {
      await Promise.all([candidate, interviewer, observer].map((c) => c.until((s) => s.status === 'saved', 'initial sync')));
      setTrafficOverlay(candidate.doc, { on: true, multiplier: 10 }, 'test');
      await eventually(() => readTrafficOverlay(interviewer.doc).multiplier === 10 && readTrafficOverlay(observer.doc).on, 'the overlay to reach the others');
      setTrafficOverlay(observer.doc, { multiplier: 50 }, 'test');
      setTrafficOverlay(candidate.doc, { multiplier: 20 }, 'test');
      await eventually(() => readTrafficOverlay(interviewer.doc).multiplier === 20, 'the candidate’s later change');
      expect(readTrafficOverlay(interviewer.doc)).toEqual({ on: true, multiplier: 20 });
    } finally {
      [candidate, interviewer, observer].forEach((c) => c.close());
    }
  });
});

describe('the interviewer\'s "traffic is now 10×" curveball', () => {
  it('turns the overlay on at 10× for everyone in the room', async () => {
    const session = await withDesign();
    const candidate = connectClient(server.url, session.id, session.tokens.candidate);
    try {
      await candidate.until((s) => s.status === 'saved', 'initial sync');
      expect(readTrafficOverlay(candidate.doc).on).toBe(false);
      const res = await fetch(`${server.url}/api/sessions/${session.id}/curveballs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.tokens.interviewer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ preset: 'traffic-10x' }),
      });
      expect(res.status).toBe(201);
      await eventually(() => readTrafficOverlay(candidate.doc).on && readTrafficOverlay(candidate.doc).multiplier === 10, 'the overlay at 10×');
    } finally {
      candidate.close();
    }
  });
});

describe('GET /api/traffic/capacity', () => {
  it('serves the validated capacity defaults with their sources', async () => {
    const res = await fetch(`${server.url}/api/traffic/capacity`);
    expect(res.status).toBe(200);
    const defaults = capacityDefaultsSchema.parse(await res.json());
    expect(defaults.kinds.database?.writesPerSecond).toBe(5000);
    for (const d of Object.values(defaults.kinds)) expect(d?.source.length).toBeGreaterThan(20);
  });
});
