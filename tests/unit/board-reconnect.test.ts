import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { edgesMap, putEdge, putNode, readEdge } from '../../core/src';
import { reconnectEdge } from '../../client/src/store/board-actions';
import { undo } from '../../client/src/store/board-history';
import { LOCAL_ORIGIN } from '../../client/src/sync/origins';
import { testNode, useBoundStore } from '../support/board-store';

const ends = (doc: Y.Doc, id: string) => {
  const edge = readEdge(id, edgesMap(doc).get(id));
  return edge && `${edge.source}>${edge.target}`;
};

const bind = useBoundStore();

/** api → db and api → cache, plus a spare node. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const id of ['api', 'db', 'cache', 'queue']) putNode(doc, testNode(id));
    putEdge(doc, { id: 'e1', source: 'api', target: 'db', label: 'reads', mode: 'sync' });
    putEdge(doc, { id: 'e2', source: 'api', target: 'cache', label: '', mode: 'sync' });
  });
  return bind(doc);
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
