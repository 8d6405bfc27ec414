import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsMap, edgesMap, metaMap, nodesMap, patchNode, putComment, putEdge, putNode, readBoard, removeNodes, sectionText } from '../../core/src';
import { describeUndone, holdsMoreThan, rebuildDoc, touchedEntries } from '../../client/src/sync/rebuild';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../../client/src/sync/origins';
import { testNode } from '../support/board-store';

/** The entries touched by each transaction `edit` makes on `doc`. */
function touches(doc: Y.Doc, edit: () => void): string[] {
  const seen: string[] = [];
  const listener = (tr: Y.Transaction) => seen.push(...touchedEntries(tr));
  doc.on('afterTransaction', listener);
  doc.transact(edit, LOCAL_ORIGIN);
  doc.off('afterTransaction', listener);
  return [...new Set(seen)].sort();
}

/** A server document and a client that has synced it. */
function synced(): { server: Y.Doc; local: Y.Doc } {
  const server = new Y.Doc();
  server.transact(() => {
    putNode(server, testNode('api'));
    putNode(server, testNode('db'));
    putEdge(server, { id: 'e1', source: 'api', target: 'db', label: 'reads', mode: 'sync' });
    sectionText(server, 'api').insert(0, 'GET /links');
  });
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server), REMOTE_ORIGIN);
  return { server, local };
}

describe('which board entries a transaction touched', () => {
  it('names a node for a new node, a changed field, and a change inside its notes text', () => {
    const { local } = synced();
    expect(touches(local, () => putNode(local, testNode('cache')))).toEqual(['nodes/cache']);
    expect(touches(local, () => patchNode(local, 'api', { label: 'API gateway' }))).toEqual(['nodes/api']);
    expect(touches(local, () => patchNode(local, 'db', { notes: 'Postgres' }))).toEqual(['nodes/db']);
  });

  it('names every node and edge a delete removed, each section text, comments and meta keys', () => {
    const { local } = synced();
    expect(touches(local, () => removeNodes(local, ['db']))).toEqual(['edges/e1', 'nodes/db']);
    expect(touches(local, () => sectionText(local, 'api').insert(0, 'POST /links\n'))).toEqual(['section:api']);
    expect(
      touches(local, () => {
        putComment(local, { id: 'c1', target: 'board', author: 'Ada', role: 'candidate', text: 'why?', createdAt: 1, resolved: false });
        metaMap(local).set('title', 'Links');
      }),
    ).toEqual(['comments/c1', 'meta/title']);
  });
});

describe('rebuilding from the server after a refusal', () => {
  it('drops what the server does not hold and carries over only the named entries, as fresh local edits', () => {
    const { server, local } = synced();
    local.transact(() => putNode(local, testNode('refused')), LOCAL_ORIGIN);
    local.transact(() => {
      putNode(local, testNode('later'));
      patchNode(local, 'api', { label: 'renamed later' });
    }, LOCAL_ORIGIN);
    const next = rebuildDoc(local, Y.encodeStateAsUpdate(server), new Set(['nodes/later', 'nodes/api']));

    expect(next.clientID).not.toBe(local.clientID);
    expect([...nodesMap(next).keys()].sort()).toEqual(['api', 'db', 'later']);
    expect(readBoard(next).nodes.find((n) => n.id === 'api')?.label).toBe('renamed later');
    // Everything of the new document's own client is new work the server lacks; nothing refused.
    const toSend = Y.encodeStateAsUpdate(next, Y.encodeStateVector(server));
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(receiver, toSend);
    expect(receiver.store.pendingStructs).toBeNull();
    expect(readBoard(receiver)).toEqual(readBoard(next));
    const serverClients = Y.decodeStateVector(Y.encodeStateVector(server));
    const newClients = [...Y.decodeStateVector(Y.encodeStateVector(next)).keys()].filter((c) => !serverClients.has(c));
    expect(newClients).toEqual([next.clientID]);
  });

  it('carries a deletion and a section text, and leaves out an edge whose end did not survive', () => {
    const { server, local } = synced();
    local.transact(() => putNode(local, testNode('refused')), LOCAL_ORIGIN);
    local.transact(() => {
      removeNodes(local, ['db']);
      putEdge(local, { id: 'e2', source: 'api', target: 'refused', label: '', mode: 'async' });
      sectionText(local, 'api').insert(10, '\nDELETE /links/:id');
    }, LOCAL_ORIGIN);
    const next = rebuildDoc(local, Y.encodeStateAsUpdate(server), new Set(['nodes/db', 'edges/e1', 'edges/e2', 'section:api']));
    expect([...nodesMap(next).keys()]).toEqual(['api']);
    expect([...edgesMap(next).keys()]).toEqual([]);
    expect(sectionText(next, 'api').toString()).toBe('GET /links\nDELETE /links/:id');
  });

  it('keeps comments written by others on the server while dropping the refused one', () => {
    const { server, local } = synced();
    putComment(server, { id: 'theirs', target: 'board', author: 'Bo', role: 'interviewer', text: 'ok', createdAt: 2, resolved: false });
    local.transact(() => putComment(local, { id: 'mine', target: 'board', author: 'Ada', role: 'interviewer', text: 'forged', createdAt: 3, resolved: false }), LOCAL_ORIGIN);
    const next = rebuildDoc(local, Y.encodeStateAsUpdate(server), new Set());
    expect([...commentsMap(next).keys()]).toEqual(['theirs']);
  });
});

describe('comparing with the server', () => {
  it('sees an extra item and an extra deletion, and nothing when the client only lags behind', () => {
    const { server, local } = synced();
    expect(holdsMoreThan(local, server)).toBe(false);
    putNode(server, testNode('newer'));
    expect(holdsMoreThan(local, server)).toBe(false);

    const added = new Y.Doc();
    Y.applyUpdate(added, Y.encodeStateAsUpdate(server));
    putNode(added, testNode('mine'));
    expect(holdsMoreThan(added, server)).toBe(true);

    const deleted = new Y.Doc();
    Y.applyUpdate(deleted, Y.encodeStateAsUpdate(server));
    removeNodes(deleted, ['api']);
    expect(holdsMoreThan(deleted, server)).toBe(true);

    // The same deletion on both sides, and one only the server has, are nothing more.
    removeNodes(server, ['api']);
    expect(holdsMoreThan(deleted, server)).toBe(false);
    removeNodes(server, ['db']);
    expect(holdsMoreThan(deleted, server)).toBe(false);
  });

  it('describes what a rebuild took off the screen', () => {
    const { server, local } = synced();
    local.transact(() => {
      putNode(local, { ...testNode('late'), label: 'Cache' });
      patchNode(local, 'api', { x: 500 });
      sectionText(local, 'api').insert(0, 'x');
    }, LOCAL_ORIGIN);
    const next = rebuildDoc(local, Y.encodeStateAsUpdate(server), new Set());
    expect(describeUndone(local, next).sort()).toEqual(['changes to node “api”', 'node “Cache”', 'text in the API section'].sort());
  });
});
