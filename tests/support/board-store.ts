/**
 * Helpers for unit tests of the client's board store against a real Y.Doc: a node factory and
 * a binding of the store (and undo history) that is undone after each test.
 */
import { afterEach } from 'vitest';
import type * as Y from 'yjs';
import type { BoardNode } from '../../core/src';
import { bindBoard, setWritable } from '../../client/src/store/board';
import { bindHistory } from '../../client/src/store/board-history';

/** A 100×50 service node at (x, y); `extra` overrides anything. */
export const testNode = (id: string, x = 0, y = 0, extra: Partial<BoardNode> = {}): BoardNode => ({
  id,
  kind: 'service',
  label: id,
  x,
  y,
  notes: '',
  props: {},
  width: 100,
  height: 50,
  ...extra,
});

/**
 * Binds the board store (and, unless told not to, the undo history) to `doc` as a writer, and
 * registers an afterEach that unbinds everything the file bound. Call at the top level of a file.
 */
export function useBoundStore(): (doc: Y.Doc, options?: { history?: boolean }) => Y.Doc {
  let cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.reverse()) fn();
    cleanup = [];
  });
  return (doc, { history = true } = {}) => {
    cleanup.push(bindBoard(doc), () => setWritable(false));
    if (history) cleanup.push(bindHistory(doc));
    setWritable(true);
    return doc;
  };
}
