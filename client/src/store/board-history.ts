/**
 * Undo/redo for this user's own edits: a `Y.UndoManager` over the nodes and edges maps and the
 * section texts that tracks only LOCAL_ORIGIN transactions, so undo never reverts what someone
 * else did. Undo/redo transactions have the manager as origin (not REMOTE_ORIGIN), so the sync
 * client sends them like any other local edit.
 */
import * as Y from 'yjs';
import { create } from 'zustand';
import { edgesMap, nodesMap, SECTION_IDS, sectionText } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';
import { useBoardStore } from './board';

export const useHistoryStore = create<{ canUndo: boolean; canRedo: boolean }>(() => ({ canUndo: false, canRedo: false }));

let manager: Y.UndoManager | null = null;

function refresh(): void {
  useHistoryStore.setState({ canUndo: (manager?.undoStack.length ?? 0) > 0, canRedo: (manager?.redoStack.length ?? 0) > 0 });
}

/** Starts tracking `doc` until the returned function is called. */
export function bindHistory(doc: Y.Doc): () => void {
  const scope = [nodesMap(doc), edgesMap(doc), ...SECTION_IDS.map((id) => sectionText(doc, id))] as Y.AbstractType<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const um = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 300 });
  manager = um;
  um.on('stack-item-added', refresh);
  um.on('stack-item-popped', refresh);
  um.on('stack-cleared', refresh);
  refresh();
  return () => {
    um.destroy();
    if (manager === um) manager = null;
    refresh();
  };
}

/** Ends the current capture group, so the next edit is undone on its own. */
export function stopCapturing(): void {
  manager?.stopCapturing();
}

export function undo(): void {
  if (!useBoardStore.getState().writable || !manager) return;
  manager.undo();
}

export function redo(): void {
  if (!useBoardStore.getState().writable || !manager) return;
  manager.redo();
}
