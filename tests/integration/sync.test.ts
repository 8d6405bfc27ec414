import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeSyncMessage, encodeStep2Message, encodeUpdateMessage, putNode, readBoard, sectionText, patchNode, nodesMap } from '../../core/src';
import { connectClient, createSession, eventually, type TestClient } from '../support/board-client';
import { connectRawSocket } from '../support/raw-socket';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
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

async function serverBoard(sessionId: string, token: string) {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/document`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ReturnType<typeof readBoard>;
}

describe('live sync between two clients', () => {
  it('a node added by one client appears at the other, and is stored', async () => {
    const session = await createSession(server.url);
    const a = open(server.url, session.id, session.tokens.candidate);
    const b = open(server.url, session.id, session.tokens.interviewer);
    await Promise.all([saved(a), saved(b)]);
    expect(b.state().welcome?.role).toBe('interviewer');

    a.doc.transact(() => putNode(a.doc, node('api', 'URL service')));
    await eventually(() => readBoard(b.doc).nodes.some((n) => n.label === 'URL service'), 'node at b');
    await saved(a);
    const stored = await serverBoard(session.id, session.tokens.observer);
    expect(stored.nodes.map((n) => n.id)).toEqual(['api']);
    expect(stored.meta.prompt).toBe('url-shortener');
  });

  it('edits made while disconnected merge on reconnect, both sides kept', async () => {
    const session = await createSession(server.url);
    const a = open(server.url, session.id, session.tokens.candidate);
    const b = open(server.url, session.id, session.tokens.interviewer);
    await Promise.all([saved(a), saved(b)]);
    a.doc.transact(() => putNode(a.doc, node('db', 'Database')));
    await eventually(() => readBoard(b.doc).nodes.length === 1, 'db at b');

    a.socket.disconnect();
    await a.until((s) => s.status === 'offline', 'a offline');
    a.doc.transact(() => {
      patchNode(a.doc, 'db', { label: 'Cassandra' });
      putNode(a.doc, node('cache', 'Redis'));
      sectionText(a.doc, 'requirements').insert(0, 'offline text. ');
    });
    b.doc.transact(() => {
      patchNode(b.doc, 'db', { x: 300 });
      sectionText(b.doc, 'requirements').insert(0, 'online text.');
    });
    expect(a.state().pending).toBeGreaterThan(0);
    a.socket.connect();
    await saved(a);
    await eventually(() => readBoard(b.doc).nodes.length === 2, 'offline node at b');
    await saved(b);

    const boardA = readBoard(a.doc);
    const boardB = readBoard(b.doc);
    expect(boardA).toEqual(boardB);
    const db = boardA.nodes.find((n) => n.id === 'db')!;
    expect(db.label).toBe('Cassandra');
    expect(db.x).toBe(300);
    expect(boardA.sections.requirements).toContain('offline text.');
    expect(boardA.sections.requirements).toContain('online text.');
    expect(await serverBoard(session.id, session.tokens.candidate)).toEqual(boardA);
  });

  it('a late joiner receives the whole board', async () => {
    const session = await createSession(server.url);
    const a = open(server.url, session.id, session.tokens.candidate);
    await saved(a);
    a.doc.transact(() => {
      for (let i = 0; i < 50; i++) putNode(a.doc, node(`n${i}`));
    });
    await saved(a);
    const late = open(server.url, session.id, session.tokens.observer);
    await late.until((s) => s.status === 'saved', 'late joiner synced');
    expect(readBoard(late.doc).nodes).toHaveLength(50);
  });

  it('presence reaches the others and is removed when a participant leaves', async () => {
    const session = await createSession(server.url);
    const a = open(server.url, session.id, session.tokens.candidate);
    const b = open(server.url, session.id, session.tokens.interviewer);
    await Promise.all([saved(a), saved(b)]);
    a.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00', role: 'candidate' });
    await eventually(() => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada', 'presence at b');
    a.socket.disconnect();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 'presence removed at b');
  });

  it('the server never echoes a client its own edits and applies nothing twice', async () => {
    const session = await createSession(server.url);
    const a = open(server.url, session.id, session.tokens.candidate);
    await saved(a);
    let echoes = 0;
    a.socket.on('board:sync', () => echoes++);
    a.doc.transact(() => putNode(a.doc, node('x')));
    await saved(a);
    expect(echoes).toBe(0);
    expect(nodesMap(a.doc).size).toBe(1);
  });
});

describe('what peers receive', () => {
  const nodeUpdate = (id: string): Uint8Array => {
    const doc = new Y.Doc();
    putNode(doc, node(id));
    return Y.encodeStateAsUpdate(doc);
  };
  const nextMessage = (socket: Awaited<ReturnType<typeof connectRawSocket>>) =>
    new Promise<Uint8Array>((resolve) => socket.once('board:sync', (bytes: ArrayBuffer | Uint8Array) => resolve(new Uint8Array(bytes))));
  const send = (socket: Awaited<ReturnType<typeof connectRawSocket>>, bytes: Uint8Array) =>
    socket.timeout(10_000).emitWithAck('board:sync', bytes) as Promise<{ ok: boolean }>;

  it('an update message is sent on byte for byte, and a step 2 is sent on as an update message', async () => {
    const session = await createSession(server.url);
    const a = await connectRawSocket(server.url, session, 'candidate');
    const b = await connectRawSocket(server.url, session, 'interviewer');
    try {
      const asUpdate = encodeUpdateMessage(nodeUpdate('sent-as-update'));
      const received = nextMessage(b);
      expect(await send(a, asUpdate)).toMatchObject({ ok: true });
      expect(await received).toEqual(asUpdate);

      // An offline client's catch-up arrives as a step 2; peers only take updates from the server.
      const change = nodeUpdate('sent-as-step2');
      const relayed = nextMessage(b);
      expect(await send(a, encodeStep2Message(change))).toMatchObject({ ok: true });
      const message = await relayed;
      expect(decodeSyncMessage(message).type).toBe('update');
      expect(message).toEqual(encodeUpdateMessage(change));
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('an update log that survives restarts', () => {
  it('a clean restart keeps the board and clients resume without reloading', async () => {
    const own = await startServer();
    try {
      const session = await createSession(own.url);
      const a = open(own.url, session.id, session.tokens.candidate);
      await saved(a);
      a.doc.transact(() => putNode(a.doc, node('before')));
      await saved(a);
      expect(await own.stop()).toBe(0);
      await a.until((s) => s.status === 'offline', 'offline after stop');
      a.doc.transact(() => putNode(a.doc, node('during-outage')));
      const again = await own.restart();
      try {
        await a.until((s) => s.status === 'saved', 'saved after restart', 20_000);
        const doc = new Y.Doc();
        const b = open(again.url, session.id, session.tokens.observer, doc);
        await b.until((s) => s.status === 'saved', 'b synced');
        expect(readBoard(doc).nodes.map((n) => n.id)).toEqual(['before', 'during-outage']);
      } finally {
        await again.stop();
      }
    } finally {
      await own.stop();
    }
  });
});
