import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  PROTOCOL_VERSION,
  WIRE_LIMITS,
  encodeStep1,
  encodeUpdateMessage,
  putComment,
  putNode,
  type Ack,
  type Role,
} from '../../core/src';
import { connectClient, createSession, type CreatedSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let session: CreatedSession;
const sockets: Socket[] = [];

function rawSocket(token: string, extra: Record<string, unknown> = {}): Socket {
  const socket = io(server.url, {
    auth: { sessionId: session.id, token, protocolVersion: PROTOCOL_VERSION, ...extra },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });

const refused = (socket: Socket) =>
  new Promise<{ code?: string; message?: string }>((resolve) => socket.once('connect_error', (e: Error & { data?: object }) => resolve(e.data ?? {})));

const send = (socket: Socket, payload: unknown) => socket.timeout(5000).emitWithAck('board:sync', payload) as Promise<Ack<unknown>>;

async function document(): Promise<string> {
  const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
    headers: { authorization: `Bearer ${session.tokens.candidate}`, accept: 'application/json' },
  });
  return res.text();
}

function nodeUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  putNode(doc, { id, kind: 'cache', label: id, x: 1, y: 2, notes: '', props: {} });
  return Y.encodeStateAsUpdate(doc);
}

function commentUpdate(id: string, role: Role): Uint8Array {
  const doc = new Y.Doc();
  putComment(doc, { id, target: 'board', author: 'Ada', role, text: 'hello', createdAt: 1, resolved: false });
  return Y.encodeStateAsUpdate(doc);
}

beforeAll(async () => {
  server = await startServer();
  session = await createSession(server.url);
  // Give the board some content so "changes nothing" is checked against something real.
  const seed = connectClient(server.url, session.id, session.tokens.candidate);
  await seed.until((s) => s.status === 'saved', 'seed synced');
  seed.doc.transact(() => putNode(seed.doc, { id: 'api', kind: 'service', label: 'API', x: 0, y: 0, notes: '', props: {} }));
  await seed.until((s) => s.status === 'saved', 'seed saved');
  seed.close();
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.stop();
});

describe('the handshake refuses bad credentials', () => {
  it('a wrong token is refused with UNAUTHORIZED', async () => {
    expect((await refused(rawSocket('x'.repeat(43)))).code).toBe('UNAUTHORIZED');
  });
  it('a missing token is refused with BAD_REQUEST', async () => {
    const socket = io(server.url, { auth: { sessionId: session.id, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const error = await refused(socket);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain("the link's token is missing or incomplete");
  });
  it('a token cut short (a link copied in part) is refused with BAD_REQUEST, saying the token is incomplete', async () => {
    const error = await refused(rawSocket(session.tokens.candidate.slice(0, 10)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain("the link's token is missing or incomplete");
  });
  it('an unknown session is refused with NOT_FOUND', async () => {
    const socket = io(server.url, { auth: { sessionId: 'nope', token: session.tokens.candidate, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    expect((await refused(socket)).code).toBe('NOT_FOUND');
  });
  it('another protocol version is refused with PROTOCOL_MISMATCH', async () => {
    expect((await refused(rawSocket(session.tokens.candidate, { protocolVersion: PROTOCOL_VERSION + 1 }))).code).toBe('PROTOCOL_MISMATCH');
  });
});

describe('malformed and oversized messages get an error and change nothing', () => {
  it('rejects each bad message with a code, leaves the board as it was, and stays up', async () => {
    const before = await document();
    const socket = rawSocket(session.tokens.candidate);
    await connected(socket);

    const cases: [string, unknown, string][] = [
      ['random bytes', new Uint8Array([7, 200, 13, 99, 1]), 'BAD_MESSAGE'],
      ['a string', 'hello', 'BAD_MESSAGE'],
      ['an object', { type: 'update' }, 'BAD_MESSAGE'],
      ['nothing', null, 'BAD_MESSAGE'],
      ['an update with garbage inside', encodeUpdateMessage(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), 'BAD_MESSAGE'],
      ['trailing bytes', new Uint8Array([...encodeStep1(new Y.Doc()), 0, 0]), 'BAD_MESSAGE'],
      ['oversized', new Uint8Array(WIRE_LIMITS.maxMessageBytes + 10), 'TOO_LARGE'],
    ];
    for (const [what, payload, code] of cases) {
      const reply = await send(socket, payload);
      expect(reply.ok, what).toBe(false);
      if (!reply.ok) expect(reply.error.code, what).toBe(code);
    }

    const stray = new Y.Doc();
    stray.getMap('secrets').set('x', 1);
    const foreign = await send(socket, encodeUpdateMessage(Y.encodeStateAsUpdate(stray)));
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error.message).toContain('secrets');

    const noAck = new Promise<{ code: string }>((resolve) => socket.once('session:error', resolve));
    socket.emit('board:sync', encodeStep1(new Y.Doc()));
    expect((await noAck).code).toBe('BAD_MESSAGE');
    const unknown = new Promise<{ code: string; message: string }>((resolve) => socket.once('session:error', resolve));
    socket.emit('board:delete-everything', 1);
    expect((await unknown).message).toContain('unknown event');

    expect(socket.connected).toBe(true);
    expect(await document()).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // A well-formed message still works on the same socket afterwards.
    expect((await send(socket, encodeUpdateMessage(nodeUpdate('fine')))).ok).toBe(true);
  });

  it('an observer can read but its writes are refused with FORBIDDEN', async () => {
    const before = await document();
    const socket = rawSocket(session.tokens.observer);
    await connected(socket);
    const read = await send(socket, encodeStep1(new Y.Doc()));
    expect(read.ok).toBe(true);
    const write = await send(socket, encodeUpdateMessage(nodeUpdate('sneaky')));
    expect(write).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('observer') } });
    expect(await document()).toBe(before);
  });

  it('a comment signed with another role is refused and changes nothing; one signed with its own is kept', async () => {
    const socket = rawSocket(session.tokens.candidate);
    await connected(socket);
    const before = await document();
    const forged = await send(socket, encodeUpdateMessage(commentUpdate('c-forged', 'interviewer')));
    expect(forged).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('candidate') } });
    expect(await document()).toBe(before);
    expect((await send(socket, encodeUpdateMessage(commentUpdate('c-own', 'candidate')))).ok).toBe(true);
    const after = JSON.parse(await document()) as { comments: { id: string; role: string }[] };
    expect(after.comments.map((c) => [c.id, c.role])).toEqual([['c-own', 'candidate']]);
  });

  it('a flood is rate limited per socket', async () => {
    const socket = rawSocket(session.tokens.candidate);
    await connected(socket);
    const replies = await Promise.all(Array.from({ length: 300 }, () => send(socket, encodeStep1(new Y.Doc()))));
    const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(WIRE_LIMITS.messagesPerSecond);
  });

  it('presence that claims another participant is refused', async () => {
    const a = connectClient(server.url, session.id, session.tokens.candidate);
    await a.until((s) => s.status === 'saved', 'a synced');
    a.awareness.setLocalStateField('user', { name: 'A' });
    const { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const b = rawSocket(session.tokens.interviewer);
    // b hears of A's presence once the server holds it, whether before or after b joined
    // (other presence, such as the AI reviewer's, may come first).
    const seen = new Awareness(new Y.Doc());
    const heard = new Promise<void>((resolve) =>
      b.on('presence:update', (update: ArrayBuffer) => {
        applyAwarenessUpdate(seen, new Uint8Array(update), 'server');
        if (seen.getStates().has(a.doc.clientID)) resolve();
      }),
    );
    await connected(b);
    await heard;
    const fakeDoc = new Y.Doc();
    fakeDoc.clientID = a.doc.clientID;
    const fake = new Awareness(fakeDoc);
    fake.setLocalState({ user: { name: 'impostor' } });
    const error = new Promise<{ code: string }>((resolve) => b.once('session:error', resolve));
    b.emit('presence:update', encodeAwarenessUpdate(fake, [a.doc.clientID]));
    expect((await error).code).toBe('FORBIDDEN');
    a.close();
  });
});
