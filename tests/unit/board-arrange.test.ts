import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nodesMap, putNode, readNode } from '../../core/src';
import { alignSelection, distributeSelection } from '../../client/src/store/board-arrange';
import { selectOnly, setWritable } from '../../client/src/store/board';
import { undo, useHistoryStore } from '../../client/src/store/board-history';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../../client/src/sync/origins';
import { testNode, useBoundStore } from '../support/board-store';

const node = testNode;

const position = (doc: Y.Doc, id: string) => {
  const n = readNode(id, nodesMap(doc).get(id));
  return n && { x: n.x, y: n.y, parent: n.parent };
};

const bind = useBoundStore();

/** A board with a group at (100, 50) holding `child` at (20, 40), and two top-level nodes. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    putNode(doc, node('group', 100, 50, { kind: 'group', width: 300, height: 200 }));
    putNode(doc, node('child', 20, 40, { parent: 'group' }));
    putNode(doc, node('a', 60, 300));
    putNode(doc, node('b', 500, 400));
  });
  return bind(doc);
}

describe('align and distribute the selection', () => {
  it('aligns in one local transaction that one undo reverts', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    selectOnly(['child', 'a', 'b']);

    alignSelection('left');
    expect(origins).toEqual([LOCAL_ORIGIN]);
    // Every node's left edge at 60 on the board; the child keeps its group and y.
    expect(position(doc, 'child')).toEqual({ x: -40, y: 40, parent: 'group' });
    expect(position(doc, 'a')).toEqual({ x: 60, y: 300, parent: undefined });
    expect(position(doc, 'b')).toEqual({ x: 60, y: 400, parent: undefined });
    expect(useHistoryStore.getState().canUndo).toBe(true);

    undo();
    expect(position(doc, 'child')).toEqual({ x: 20, y: 40, parent: 'group' });
    expect(position(doc, 'b')).toEqual({ x: 500, y: 400, parent: undefined });
    expect(useHistoryStore.getState().canUndo).toBe(false);
  });

  it('reaches another participant as a change they cannot undo', () => {
    const doc = board();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
    const theirs = new Y.UndoManager(nodesMap(other), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_ORIGIN) Y.applyUpdate(other, update, REMOTE_ORIGIN);
    });
    selectOnly(['a', 'b']);
    alignSelection('top');
    expect(position(other, 'a')).toEqual({ x: 60, y: 300, parent: undefined });
    expect(position(other, 'b')).toEqual({ x: 500, y: 300, parent: undefined });
    expect(theirs.undoStack).toHaveLength(0);
  });

  it('moves a selected group with its selected child as one unit', () => {
    const doc = board();
    selectOnly(['group', 'child', 'a']);
    alignSelection('right');
    // Right edges at 400 (the group's): `a` moves, the group stays and its child is untouched.
    expect(position(doc, 'a')).toEqual({ x: 300, y: 300, parent: undefined });
    expect(position(doc, 'group')).toEqual({ x: 100, y: 50, parent: undefined });
    expect(position(doc, 'child')).toEqual({ x: 20, y: 40, parent: 'group' });
  });

  it('distributes three nodes with equal gaps and ignores fewer', () => {
    const doc = board();
    selectOnly(['a', 'b']);
    distributeSelection('horizontal');
    expect(position(doc, 'a')?.x).toBe(60);
    expect(position(doc, 'b')?.x).toBe(500);

    selectOnly(['child', 'a', 'b']);
    distributeSelection('vertical');
    // Child at 90..140 on the board, a at 300, b at 400..450: span 360, heights 150 → gaps 105.
    expect(position(doc, 'child')).toEqual({ x: 20, y: 40, parent: 'group' });
    expect(position(doc, 'a')?.y).toBe(245);
    expect(position(doc, 'b')?.y).toBe(400);
  });

  it('changes nothing for an observer', () => {
    const doc = board();
    setWritable(false);
    selectOnly(['a', 'b']);
    alignSelection('left');
    expect(position(doc, 'b')?.x).toBe(500);
  });
});
