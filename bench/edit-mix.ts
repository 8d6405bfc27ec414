import * as Y from 'yjs';
import { patchNode, putNode, sectionText } from '../core/src';

/** One participant's edit as a Yjs update, and the writer and clock of its first item. */
export interface MixedEdit {
  update: Uint8Array;
  writer: number;
  clock: number;
}

/**
 * The edits one participant makes in a round, in its own document: a node first, then drags
 * (60 %), label edits (25 %) and typing in a section (15 %). Each builds only on the
 * participant's own items, so the sequence applies anywhere that received it in order.
 * Shared by the sync load test and the commit benchmark so both measure the same work.
 */
export function prepareEditMix(count: number): MixedEdit[] {
  const doc = new Y.Doc();
  const nodeId = `n${doc.clientID}`;
  const text = sectionText(doc, 'requirements');
  const edits: MixedEdit[] = [];
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (update = u));
  for (let i = 0; i < count; i++) {
    const clock = Y.getState(doc.store, doc.clientID);
    const roll = Math.random();
    update = null;
    if (i === 0) {
      doc.transact(() => putNode(doc, { id: nodeId, kind: 'service', label: 'Service', x: 0, y: 0, notes: '', props: {} }));
    } else if (roll < 0.6) {
      doc.transact(() => patchNode(doc, nodeId, { x: Math.round(Math.random() * 2000), y: Math.round(Math.random() * 1200) }));
    } else if (roll < 0.85) {
      doc.transact(() => patchNode(doc, nodeId, { label: `Service ${i}` }));
    } else {
      doc.transact(() => text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'[i % 10]!));
    }
    if (update) edits.push({ update, writer: doc.clientID, clock });
  }
  doc.destroy();
  return edits;
}
