/**
 * Applies an imported board to the live document as ONE local transaction, so the sync client
 * sends it like any edit and this user's UndoManager reverts it with one undo. Never re-seeds:
 * replace is core's in-place delete/update/insert, merge adds beside what is there.
 */
import type * as Y from 'yjs';
import { mergeBoard, replaceBoard, type Board } from '../../../core/src';
import { stopCapturing } from '../store/board-history';
import { LOCAL_ORIGIN } from '../sync/origins';

export type ImportMode = 'replace' | 'merge';

/** Counts shown before the user decides. */
export interface ImportCounts {
  components: number;
  groups: number;
  connections: number;
  sections: number;
}

export function importCounts(board: Board): ImportCounts {
  const groups = board.nodes.filter((n) => n.kind === 'group').length;
  return {
    components: board.nodes.length - groups,
    groups,
    connections: board.edges.length,
    sections: Object.values(board.sections).filter((text) => text.trim() !== '').length,
  };
}

/**
 * Puts `board` into `doc`. The file's own meta (prompt, title) is not applied: the session keeps
 * the prompt it was created for, and meta is outside the undo scope, so applying it would leave
 * something one undo cannot take back.
 */
export function applyImport(doc: Y.Doc, board: Board, mode: ImportMode): void {
  const content: Board = { ...board, meta: {} };
  // A separate capture group on both sides: the import never merges with a neighbouring edit's undo step.
  stopCapturing();
  if (mode === 'replace') replaceBoard(doc, content, LOCAL_ORIGIN);
  else mergeBoard(doc, content, LOCAL_ORIGIN);
  stopCapturing();
}
