import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, putNode, readBoard } from '../../core/src';
import { connectClient, createSession, eventually, type TestClient } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

/**
 * Two server nodes sharing PostgreSQL and Redis, as behind a load balancer with sticky
 * sessions. Runs where TEST_DATABASE_URL and TEST_REDIS_URL name servers (.ci/run starts both).
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const configured = Boolean(databaseUrl && redisUrl);

describe.runIf(configured)('several server nodes', () => {
  const nodes: RunningServer[] = [];
  const clients: TestClient[] = [];
  beforeAll(async () => {
    const env = { DATABASE_URL: databaseUrl!, REDIS_URL: redisUrl! };
    nodes.push(await startServer({ env }), await startServer({ env }));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    for (const n of nodes) await n.stop();
  });

  it('an edit on one node reaches a client on the other, and that node serves it to late joiners', async () => {
    const [one, two] = nodes as [RunningServer, RunningServer];
    const session = await createSession(one.url);
    const a = connectClient(one.url, session.id, session.tokens.candidate);
    const b = connectClient(two.url, session.id, session.tokens.interviewer);
    clients.push(a, b);
    await Promise.all([a, b].map((c) => c.until((s) => s.status === 'saved', 'synced')));

    // Counted as broadcasts, not just seen on the board: the clients' periodic resync would
    // bring the edit across too, and hide a broken relay.
    let broadcastsToB = 0;
    b.socket.on(EVENTS.boardSync, () => broadcastsToB++);
    a.doc.transact(() => putNode(a.doc, { id: 'from-one', kind: 'cache', label: 'via node one', x: 0, y: 0, notes: '', props: {} }));
    await eventually(() => readBoard(b.doc).nodes.some((n) => n.id === 'from-one'), 'broadcast across nodes');
    await eventually(() => broadcastsToB > 0, 'the edit arrives at node two\'s client as a broadcast');
    b.doc.transact(() => putNode(b.doc, { id: 'from-two', kind: 'queue', label: 'via node two', x: 0, y: 0, notes: '', props: {} }));
    await eventually(() => readBoard(a.doc).nodes.some((n) => n.id === 'from-two'), 'broadcast back');
    await Promise.all([a, b].map((c) => c.until((s) => s.status === 'saved', 'saved')));

    // A late joiner on node two gets both edits from node two's own copy of the room.
    const late = connectClient(two.url, session.id, session.tokens.observer);
    clients.push(late);
    await late.until((s) => s.status === 'saved', 'late joiner synced');
    expect(readBoard(late.doc).nodes.map((n) => n.id)).toEqual(['from-one', 'from-two']);
  });

  it('node one killed: its clients reconnect through node two with nothing lost, and compaction on both nodes loses nothing', async () => {
    const env = { DATABASE_URL: databaseUrl!, REDIS_URL: redisUrl! };
    const one = await startServer({ env });
    const two = await startServer({ env });
    nodes.push(one, two);
    const session = await createSession(one.url);
    const a = connectClient(one.url, session.id, session.tokens.candidate);
    const b = connectClient(two.url, session.id, session.tokens.interviewer);
    clients.push(a, b);
    await Promise.all([a, b].map((c) => c.until((s) => s.status === 'saved', 'synced')));
    const add = (c: TestClient, id: string) =>
      c.doc.transact(() => putNode(c.doc, { id, kind: 'service', label: id, x: 0, y: 0, notes: '', props: {} }));
    for (let i = 0; i < 15; i++) {
      add(a, `a${i}`);
      add(b, `b${i}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([a, b].map((c) => c.until((s) => s.status === 'saved', 'saved')));
    await eventually(() => readBoard(b.doc).nodes.length === 30, 'both sides at node two');

    await one.kill();
    // Edits made while the client's node is gone, then the load balancer sends it to node two.
    add(a, 'a-after-kill');
    a.close();
    const moved = connectClient(two.url, session.id, session.tokens.candidate, a.doc);
    clients.push(moved);
    await moved.until((s) => s.status === 'saved', 'resynced through node two', 30_000);
    const expected = [...Array.from({ length: 15 }, (_, i) => [`a${i}`, `b${i}`]).flat(), 'a-after-kill'].sort();
    await eventually(() => readBoard(b.doc).nodes.length === expected.length, 'b sees the moved client');

    const stored = async (url: string) => {
      const res = await fetch(`${url}/api/sessions/${session.id}/document`, {
        headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
      });
      return ((await res.json()) as ReturnType<typeof readBoard>).nodes.map((n) => n.id).sort();
    };
    expect(await stored(two.url)).toEqual(expected);
    // A clean stop compacts node two's room; node one restarts from storage and compacts too.
    moved.close();
    b.close();
    await two.stop();
    const oneAgain = await one.restart();
    nodes.push(oneAgain);
    expect(await stored(oneAgain.url)).toEqual(expected);
    await oneAgain.stop();
    const twoAgain = await two.restart();
    nodes.push(twoAgain);
    expect(await stored(twoAgain.url)).toEqual(expected);
  }, 180_000);
});
