import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commentsMap,
  decodeSyncMessage,
  encodeStep1,
  encodeUpdateMessage,
  putComment,
  putNode,
  readBoard,
  sectionText,
  type Ack,
  type Board,
  type SyncStep1Reply,
} from '../../core/src';
import { createSession, type CreatedSession } from '../support/board-client';
import { rawUpdate } from '../support/raw-updates';
import { startServer, type RunningServer } from '../support/server';
import { connectRawSocket } from '../support/raw-socket';

/**
 * The four defects an outside fault test found in the sync path, each driven with the exact
 * bytes that showed it, against a real server: an edit is either refused with a precise code
 * and changes nothing, or it is on the board for everyone and after a restart.
 */

let server: RunningServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.stop();
});

async function connect(url: string, session: CreatedSession, role: 'candidate' | 'interviewer' | 'observer'): Promise<Socket> {
  const socket = await connectRawSocket(url, session, role);
  sockets.push(socket);
  return socket;
}

const send = (socket: Socket, update: Uint8Array) =>
  socket.timeout(10_000).emitWithAck('board:sync', encodeUpdateMessage(update)) as Promise<Ack<unknown>>;

const codeOf = (reply: Ack<unknown>) => (reply.ok ? 'ok' : reply.error.code);

async function storedBoard(url: string, session: CreatedSession): Promise<Board> {
  const res = await fetch(`${url}/api/sessions/${session.id}/document`, {
    headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Board;
}

/** What a client syncing from nothing receives: the decoded step 2. */
async function freshSync(socket: Socket): Promise<ReturnType<typeof Y.decodeUpdate>> {
  const reply = (await socket.timeout(10_000).emitWithAck('board:sync', encodeStep1(new Y.Doc()))) as Ack<SyncStep1Reply>;
  if (!reply.ok) throw new Error(reply.error.message);
  const step2 = decodeSyncMessage(new Uint8Array(reply.data.step2));
  if (step2.type !== 'step2') throw new Error('expected a step 2');
  return Y.decodeUpdate(step2.update);
}

const clientsIn = (decoded: ReturnType<typeof Y.decodeUpdate>) =>
  new Set([...decoded.structs.map((s) => s.id.client), ...decoded.ds.clients.keys()]);

function capture(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => (update = u);
  doc.on('update', take);
  doc.transact(change);
  doc.off('update', take);
  if (!update) throw new Error('the change produced no update');
  return update;
}

const node = (id: string) => ({ id, kind: 'service' as const, label: id, x: 0, y: 0, notes: '', props: {} });

describe('the four defects of the sync path', () => {
  it('partial apply: an update with one item pointing at a clock its sender never wrote changes nothing, now or after a restart', async () => {
    const session = await createSession(server.url);
    const socket = await connect(server.url, session, 'candidate');
    const doc = new Y.Doc();
    doc.clientID = 777;
    const valid = capture(doc, () => putNode(doc, node('half')));
    const next = Y.getState(doc.store, 777);
    const bad = rawUpdate(777, next, [{ kind: 'any', value: 'x', origin: [777, next + 50] }]);
    const reply = await send(socket, Y.mergeUpdates([valid, bad]));
    expect(codeOf(reply)).toBe('BAD_MESSAGE');
    expect((await storedBoard(server.url, session)).nodes).toEqual([]);
    expect(clientsIn(await freshSync(socket)).has(777)).toBe(false);

    // The same client's valid part alone is accepted afterwards: nothing was half-kept.
    expect(codeOf(await send(socket, valid))).toBe('ok');
    expect((await storedBoard(server.url, session)).nodes.map((n) => n.id)).toEqual(['half']);
  });

  it('acknowledged, then lost: an edit that builds on a refused one is refused too, with a code that says so', async () => {
    const session = await createSession(server.url);
    const socket = await connect(server.url, session, 'candidate');
    const doc = new Y.Doc();
    doc.clientID = 888;
    const paste = capture(doc, () => sectionText(doc, 'requirements').insert(0, 'x'.repeat(1_200_000)));
    expect(codeOf(await send(socket, paste))).toBe('TOO_LARGE');
    const small = capture(doc, () => putNode(doc, node('after-paste')));
    const reply = await send(socket, small);
    const visible = (await storedBoard(server.url, session)).nodes.some((n) => n.id === 'after-paste');
    // Acknowledged means on the board; otherwise the refusal must tell the client to rebuild.
    expect({ code: codeOf(reply), visible }).toEqual({ code: 'OUT_OF_SYNC', visible: false });
  });

  it('comment signatures: re-signing an existing comment as the interviewer is refused; a "role" key outside comments is not a signature', async () => {
    const session = await createSession(server.url);
    const socket = await connect(server.url, session, 'candidate');
    const doc = new Y.Doc();
    const create = capture(doc, () =>
      putComment(doc, { id: 'c1', target: 'board', author: 'Cand', role: 'candidate', text: 'mine', createdAt: 1, resolved: false }),
    );
    expect(codeOf(await send(socket, create))).toBe('ok');
    const forge = capture(doc, () => commentsMap(doc).get('c1')!.set('role', 'interviewer'));
    expect(codeOf(await send(socket, forge))).toBe('FORBIDDEN');
    expect((await storedBoard(server.url, session)).comments.map((c) => c.role)).toEqual(['candidate']);

    const other = new Y.Doc();
    const props = capture(other, () => putNode(other, { ...node('svc'), props: { role: 'interviewer' } }));
    expect(codeOf(await send(socket, props))).toBe('ok');
    expect((await storedBoard(server.url, session)).nodes[0]?.props).toEqual({ role: 'interviewer' });
  });

  it('junk: deletions for clients that never existed, orphan items and half a comment are refused and never reach anyone', async () => {
    const session = await createSession(server.url);
    const socket = await connect(server.url, session, 'candidate');
    const deletes = rawUpdate(0, 0, [], [{ client: 424242, clock: 0, len: 5 }]);
    expect(codeOf(await send(socket, deletes))).toBe('OUT_OF_SYNC');
    const orphan = rawUpdate(555, 0, [{ kind: 'any', value: 'x', origin: [999999, 10] }]);
    expect(codeOf(await send(socket, orphan))).toBe('OUT_OF_SYNC');
    const halfComment = rawUpdate(556, 0, [
      { kind: 'map', root: 'comments', key: 'c9' },
      { kind: 'any', parentId: [556, 0], key: 'text', value: 'hi' },
    ]);
    expect(codeOf(await send(socket, halfComment))).toBe('BAD_MESSAGE');
    const seen = clientsIn(await freshSync(socket));
    for (const client of [424242, 555, 556]) expect(seen.has(client), `client ${client}`).toBe(false);
    const board = readBoard(new Y.Doc());
    expect(await storedBoard(server.url, session)).toMatchObject({ nodes: board.nodes, comments: [] });
  });

  it('after a restart, what was refused is still absent and what was acknowledged is present', async () => {
    const session = await createSession(server.url);
    const socket = await connect(server.url, session, 'candidate');
    const doc = new Y.Doc();
    doc.clientID = 999;
    const paste = capture(doc, () => sectionText(doc, 'requirements').insert(0, 'y'.repeat(1_200_000)));
    expect(codeOf(await send(socket, paste))).toBe('TOO_LARGE');
    const kept = new Y.Doc();
    expect(codeOf(await send(socket, capture(kept, () => putNode(kept, node('kept')))))).toBe('ok');
    const lost = await send(socket, capture(doc, () => putNode(doc, node('depends-on-paste'))));
    socket.disconnect();
    await server.kill();
    server = await server.restart();
    const ids = (await storedBoard(server.url, session)).nodes.map((n) => n.id);
    expect(ids).toContain('kept');
    expect(ids.includes('depends-on-paste')).toBe(lost.ok);
  });
});
