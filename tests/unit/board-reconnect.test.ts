import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { edgesMap, putEdge, putNode, readEdge, type BoardNode } from '../../core/src';
import { reconnectEdge } from '../../client/src/store/board-actions';
import { bindBoard, setWritable } from '../../client/src/store/board';
import { bindHistory, undo } from '../../client/src/store/board-history';
import { LOCAL_ORIGIN } from '../../client/src/sync/origins';

const node = (id: string): BoardNode => ({ id, kind: 'service', label: id, x: 0, y: 0, notes: '', props: {} });
const ends = (doc: Y.Doc, id: string) => {
  const edge = readEdge(id, edgesMap(doc).get(id));
  return edge && `${edge.source}>${edge.target}`;
};

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.reverse()) fn();
  cleanup = [];
});

/** api → db and api → cache, plus a spare node. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const id of ['api', 'db', 'cache', 'queue']) putNode(doc, node(id));
    putEdge(doc, { id: 'e1', source: 'api', target: 'db', label: 'reads', mode: 'sync' });
    putEdge(doc, { id: 'e2', source: 'api', target: 'cache', label: '', mode: 'sync' });
  });
  cleanup.push(bindBoard(doc), bindHistory(doc), () => setWritable(false));
  setWritable(true);
  return doc;
}

describe('reconnecting an edge', () => {
  it('moves one end in one local transaction, keeps the id and label, and undoes', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    reconnectEdge('e1', 'api', 'queue');
    expect(origins).toEqual([LOCAL_ORIGIN]);
    expect(ends(doc, 'e1')).toBe('api>queue');
    expect(readEdge('e1', edgesMap(doc).get('e1'))?.label).toBe('reads');
    undo();
    expect(ends(doc, 'e1')).toBe('api>db');
  });

  it('moves the source end too', () => {
    const doc = board();
    reconnectEdge('e1', 'queue', 'db');
    expect(ends(doc, 'e1')).toBe('queue>db');
  });

  it('refuses a self-loop, a repeat of another edge and an unknown node, leaving the edge as it was', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    reconnectEdge('e1', 'db', 'db');
    reconnectEdge('e1', 'api', 'cache');
    reconnectEdge('e1', 'api', 'nowhere');
    expect(ends(doc, 'e1')).toBe('api>db');
    expect(origins).toEqual([]);
  });
});
