/**
 * The client tells the truth about refused edits (issue 12): a refused edit is undone by
 * rebuilding the local document from the server's, so the client's later edits are stored and
 * seen (not "acknowledged, then lost"), other unacknowledged work survives, and large offline
 * changes are split so they go through. Real server, real sockets, the app's own SyncClient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodesMap, putNode, readBoard, sectionText, WIRE_LIMITS } from '../../core/src';
import { connectClient, createSession, eventually, type CreatedSession, type TestClient } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const clients: TestClient[] = [];
const open = (session: CreatedSession, role: 'candidate' | 'interviewer') => {
  const c = connectClient(server.url, session.id, session.tokens[role]);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.stop();
});

const node = (id: string, label = id) => ({ id, kind: 'service' as const, label, x: 0, y: 0, notes: '', props: {} });
const saved = (c: TestClient) => c.until((s) => s.status === 'saved', 'saved');

async function serverBoard(session: CreatedSession) {
  const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
    headers: { authorization: `Bearer ${session.tokens.interviewer}`, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ReturnType<typeof readBoard>;
}

async function pair() {
  const session = await createSession(server.url);
  const a = open(session, 'candidate');
  const b = open(session, 'interviewer');
  await Promise.all([saved(a), saved(b)]);
  return { session, a, b };
}

describe('a refused edit is undone', () => {
  it('BOARD_FULL: the refused text leaves, the edit sent right after it is carried over, and the next edit is stored and seen', async () => {
    const { session, a, b } = await pair();
    const chunk = 'y'.repeat(1_000_000);
    // Fill the board close to its limit, one accepted message at a time.
    const ids = ['requirements', 'estimation', 'api', 'data-model', 'high-level-design', 'scaling', 'reliability', 'trade-offs'] as const;
    for (const id of ids) {
      sectionText(a.doc, id).insert(0, chunk);
      await saved(a);
    }
    expect(a.state().refusal).toBeNull();
    // One more is over the limit; a node added in the same moment is sent before the refusal is back.
    sectionText(a.doc, 'notes').insert(0, chunk);
    putNode(a.doc, node('carried'));
    await a.until((s) => s.refusal !== null, 'the refusal');
    expect(a.state().refusal?.error.code).toBe('BOARD_FULL');
    expect(a.state().refusal?.undone).toContain('text in the Notes section');
    await saved(a);
    expect(sectionText(a.doc, 'notes').length).toBe(0);
    expect(nodesMap(a.doc).has('carried')).toBe(true);

    putNode(a.doc, node('after'));
    await saved(a);
    await eventually(() => nodesMap(b.doc).has('after') && nodesMap(b.doc).has('carried'), 'both nodes at the other client');
    const board = await serverBoard(session);
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['after', 'carried']);
    expect(board.sections.notes).toBeUndefined();
    expect(readBoard(a.doc)).toEqual(board);
  });

  it('SESSION_CLOSED: an edit made after the end is undone, nothing more is sent, and the board equals the server’s', async () => {
    const { session, a } = await pair();
    putNode(a.doc, node('before'));
    await saved(a);
    const close = await fetch(`${server.url}/api/sessions/${session.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.interviewer}` },
    });
    expect(close.status).toBe(200);
    putNode(a.doc, node('late'));
    await a.until((s) => s.refusal?.error.code === 'SESSION_CLOSED', 'the refusal');
    await saved(a);
    expect(a.state().readOnly).toBe(true);
    expect(a.state().refusal?.undone).toEqual(['node “late”']);
    expect([...nodesMap(a.doc).keys()]).toEqual(['before']);
    expect(readBoard(a.doc)).toEqual(await serverBoard(session));
  });

  it('TOO_LARGE: one value over the message limit is refused before anything of it is stored', async () => {
    const { session, a, b } = await pair();
    // One transaction, as every edit in the app is: a node whose label alone is over the limit.
    a.doc.transact(() => putNode(a.doc, node('huge', 'x'.repeat(WIRE_LIMITS.maxMessageBytes + 1000))));
    await a.until((s) => s.refusal !== null, 'the refusal');
    expect(a.state().refusal?.error.code).toBe('TOO_LARGE');
    await saved(a);
    expect(nodesMap(a.doc).has('huge')).toBe(false);
    putNode(a.doc, node('small'));
    await saved(a);
    await eventually(() => nodesMap(b.doc).has('small'), 'the small node at the other client');
    expect((await serverBoard(session)).nodes.map((n) => n.id)).toEqual(['small']);
  });
});

describe('large offline changes', () => {
  it('an offline step 2 over 1 MiB is split into parts the server stores', async () => {
    const { session, a, b } = await pair();
    a.socket.disconnect();
    await a.until((s) => s.status === 'offline', 'offline');
    const text = 'offline work '.repeat(200_000); // 2.6 MB of text
    sectionText(a.doc, 'api').insert(0, text);
    for (let i = 0; i < 20; i++) putNode(a.doc, node(`n${i}`));
    a.socket.connect();
    await saved(a);
    expect(a.state().refusal).toBeNull();
    await eventually(() => sectionText(b.doc, 'api').length === text.length && nodesMap(b.doc).size === 20, 'the work at the other client');
    const board = await serverBoard(session);
    expect(board.sections.api).toBe(text);
    expect(board.nodes).toHaveLength(20);
  });
});
