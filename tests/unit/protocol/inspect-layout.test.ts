import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_TYPE_NAMES, inspectUpdate, patchNode, putNode, removeNodes, sectionText, type BoardNode } from '../../../core/src';

/**
 * `layoutOnly` lets the live checklist skip drags. It must be true only when an update moves
 * or resizes nodes and nothing else: a false "layout only" would hide a real change from the
 * reviewer.
 */
const node = (id: string): BoardNode => ({ id, kind: 'service', label: id, x: 0, y: 0, notes: '', props: {} });

/** The server's copy and a client's copy of one board, and the update of one client edit. */
function setup() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  client.transact(() => {
    putNode(client, node('a'));
    putNode(client, node('b'));
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const edit = (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    change(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const inspection = inspectUpdate(server, update, { allowedRoots: ROOT_TYPE_NAMES, signer: 'candidate' });
    expect(inspection.refusal).toBeNull();
    Y.applyUpdate(server, update);
    return inspection.layoutOnly;
  };
  return { edit };
}

describe('inspectUpdate: layoutOnly', () => {
  it('is true for a drag and a resize, again and again', () => {
    const { edit } = setup();
    expect(edit((doc) => patchNode(doc, 'a', { x: 10, y: 20 }))).toBe(true);
    expect(edit((doc) => patchNode(doc, 'a', { x: 11, y: 21 }))).toBe(true);
    expect(edit((doc) => patchNode(doc, 'b', { width: 300, height: 90 }))).toBe(true);
    expect(edit((doc) => doc.transact(() => ['a', 'b'].forEach((id, i) => patchNode(doc, id, { x: 100 + i }))))).toBe(true);
  });

  it('is false once anything besides placement changes', () => {
    const { edit } = setup();
    expect(edit((doc) => patchNode(doc, 'a', { label: 'Cache' }))).toBe(false);
    expect(edit((doc) => patchNode(doc, 'a', { x: 5, label: 'Cache again' }))).toBe(false);
    expect(edit((doc) => putNode(doc, node('c')))).toBe(false);
    expect(edit((doc) => sectionText(doc, 'requirements').insert(0, 'x'))).toBe(false);
    expect(edit((doc) => doc.transact(() => {
      patchNode(doc, 'b', { x: 50 });
      removeNodes(doc, ['c']);
    }))).toBe(false);
  });
});
