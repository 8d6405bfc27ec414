import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MERGE_GAP, MergeLimitError, mergeBoard } from '../../core/src/board/merge';
import { BOARD_LIMITS, boardSchema, type Board } from '../../core/src/board/schema';
import { putNode, readBoard, replaceBoard, sectionText } from '../../core/src/board/ydoc';

function board(partial: Partial<Board>): Board {
  return boardSchema.parse(partial);
}

const existing = board({
  meta: { prompt: 'url-shortener', title: 'Mine' },
  nodes: [
    { id: 'api', kind: 'service', label: 'API', x: 0, y: 0, notes: '', props: {} },
    { id: 'db', kind: 'database', label: 'DB', x: 300, y: 100, height: 80, notes: '', props: {} },
  ],
  edges: [{ id: 'e-api-db', source: 'api', target: 'db', label: '', mode: 'sync' }],
  sections: { requirements: 'Shorten URLs.' },
});

const incoming = board({
  meta: { prompt: 'other', title: 'Theirs' },
  nodes: [
    { id: 'api', kind: 'api-gateway', label: 'Gateway', x: 50, y: 20, notes: '', props: {} },
    { id: 'dc', kind: 'group', label: 'DC', x: 40, y: 10, width: 400, height: 200, notes: '', props: {} },
    { id: 'db', kind: 'cache', label: 'Redis', x: 20, y: 30, parent: 'dc', notes: '', props: {} },
  ],
  edges: [{ id: 'e-api-db', source: 'api', target: 'db', label: 'reads', mode: 'async' }],
  sections: { requirements: 'Redirect fast.', scaling: 'Cache hot codes.' },
});

function docWith(b: Board): Y.Doc {
  const doc = new Y.Doc();
  replaceBoard(doc, b, 'seed');
  return doc;
}

describe('mergeBoard', () => {
  it('adds the import beside what is there: fresh ids on collision, placed below, sections appended', () => {
    const doc = docWith(existing);
    const plan = mergeBoard(doc, incoming, 'import');
    const after = readBoard(doc);

    expect(after.nodes.map((n) => n.id).sort()).toEqual(['api', 'api-2', 'db', 'db-2', 'dc']);
    expect(after.nodes.find((n) => n.id === 'api')).toMatchObject({ label: 'API', kind: 'service', x: 0, y: 0 });
    const gateway = after.nodes.find((n) => n.id === 'api-2')!;
    const dc = after.nodes.find((n) => n.id === 'dc')!;
    // The existing drawing ends at y 180 (db at 100, 80 high); the import's top (dc at 10) moves below it.
    expect(dc.y).toBe(180 + MERGE_GAP);
    expect(gateway.y - dc.y).toBe(10);
    expect(gateway.x - dc.x).toBe(10);
    expect(dc.x).toBe(0);
    // A child keeps its place relative to its (unmoved-relative) group and follows its renamed id.
    expect(after.nodes.find((n) => n.id === 'db-2')).toMatchObject({ parent: 'dc', x: 20, y: 30, kind: 'cache' });
    expect(after.edges.map((e) => [e.id, e.source, e.target, e.label])).toEqual([
      ['e-api-db', 'api', 'db', ''],
      ['e-api-db-2', 'api-2', 'db-2', 'reads'],
    ]);
    expect(after.sections).toEqual({ requirements: 'Shorten URLs.\n\nRedirect fast.', scaling: 'Cache hot codes.' });
    expect(after.meta).toMatchObject({ prompt: 'url-shortener', title: 'Mine' });
    expect(plan.nodes).toHaveLength(3);
  });

  it('is one transaction: one undo step takes the whole merge back', () => {
    const doc = docWith(existing);
    const undo = new Y.UndoManager([doc.getMap('nodes'), doc.getMap('edges'), sectionText(doc, 'requirements'), sectionText(doc, 'scaling')], {
      trackedOrigins: new Set(['import']),
    });
    mergeBoard(doc, incoming, 'import');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readBoard(doc)).toEqual(readBoard(docWith(existing)));
  });

  it('never overwrites a key the document holds, even one whose value does not validate', () => {
    const doc = docWith(existing);
    doc.getMap('nodes').set('dc', new Y.Map());
    mergeBoard(doc, incoming, 'import');
    expect(readBoard(doc).nodes.map((n) => n.id).sort()).toEqual(['api', 'api-2', 'db', 'db-2', 'dc-2']);
  });

  it('refuses a merge past the board limits and changes nothing', () => {
    const doc = docWith(existing);
    for (let i = 0; i < BOARD_LIMITS.maxNodes - 3; i++) putNode(doc, { id: `n${i}`, kind: 'service', label: '', x: 0, y: 0, notes: '', props: {} });
    const before = Y.encodeStateVector(doc);
    expect(() => mergeBoard(doc, incoming, 'import')).toThrow(MergeLimitError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
