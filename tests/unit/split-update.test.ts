import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putEdge, putNode, readBoard, sectionText } from '../../core/src';
import { splitUpdate } from '../../client/src/sync/split';
import { testNode } from '../support/board-store';
import { seededRandom } from '../support/random';

/** Applies parts one by one, each on its own, and fails if Yjs had to hold anything back. */
function applyInOrder(parts: Uint8Array[], doc = new Y.Doc()): Y.Doc {
  for (const part of parts) {
    Y.applyUpdate(doc, part);
    expect(doc.store.pendingStructs, 'a part depended on a later one').toBeNull();
  }
  expect(doc.store.pendingDs).toBeNull();
  return doc;
}

describe('splitting a large update', () => {
  it('returns a small update unchanged', () => {
    const doc = new Y.Doc();
    putNode(doc, testNode('a'));
    const update = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(update, 1024)).toEqual([update]);
  });

  it('cuts one long pasted text into parts under the limit that rebuild it exactly', () => {
    const doc = new Y.Doc();
    const text = 'λ0123456789abcdef'.repeat(20_000); // ~360 KB, multi-byte characters included
    sectionText(doc, 'api').insert(0, text);
    const update = Y.encodeStateAsUpdate(doc);
    const parts = splitUpdate(update, 64 * 1024);
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expect(part.byteLength).toBeLessThanOrEqual(64 * 1024);
    expect(sectionText(applyInOrder(parts), 'api').toString()).toBe(text);
  });

  it('keeps causal order across clients, with deletions, so every part applies on arrival', () => {
    const random = seededRandom(7);
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const merged = new Y.Doc();
    for (let step = 0; step < 250; step++) {
      const doc = docs[Math.floor(random() * docs.length)]!;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(merged));
      const text = sectionText(doc, 'high-level-design');
      const roll = random();
      if (roll < 0.5) text.insert(Math.floor(random() * (text.length + 1)), `w${step} `.repeat(1 + Math.floor(random() * 40)));
      else if (roll < 0.65 && text.length > 10) text.delete(Math.floor(random() * (text.length - 5)), 5);
      else if (roll < 0.9) putNode(doc, { ...testNode(`n${step % 50}`), label: `label ${step}` });
      else putEdge(doc, { id: `e${step % 20}`, source: `n${step % 50}`, target: 'n0', label: '', mode: 'sync' });
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
    }
    const update = Y.encodeStateAsUpdate(merged);
    const parts = splitUpdate(update, 2048);
    expect(parts.length).toBeGreaterThan(5);
    const rebuilt = applyInOrder(parts);
    expect(readBoard(rebuilt)).toEqual(readBoard(merged));
    expect(Y.equalSnapshots(Y.snapshot(rebuilt), Y.snapshot(merged))).toBe(true);
  });

  it('splits only what the receiver lacks when given a diff against its state', () => {
    const server = new Y.Doc();
    putNode(server, testNode('kept'));
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    sectionText(local, 'api').insert(0, 'x'.repeat(50_000));
    const diff = Y.encodeStateAsUpdate(local, Y.encodeStateVector(server));
    const parts = splitUpdate(diff, 8 * 1024);
    applyInOrder(parts, server);
    expect(readBoard(server)).toEqual(readBoard(local));
  });
});
