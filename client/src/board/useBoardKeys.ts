import { useEffect } from 'react';
import { deleteSelection } from '../store/board-actions';
import { selectedNodeIds, selectOnly, startEditing, useBoardStore } from '../store/board';

/** Keys count for the board only when focus is on the canvas (or nowhere), not in a field or on a button. */
function forBoard(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target === document.body) return true;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName)) return false;
  return target.closest('.react-flow') !== null;
}

/**
 * Board keys, for the canvas only (not while typing or on a button): Delete/Backspace removes the selection,
 * Enter renames the one selected node (or labels the one selected edge), Escape clears the selection.
 */
export function useBoardKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !forBoard(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const s = useBoardStore.getState();
      if (s.editing) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        if (!s.writable) return;
        event.preventDefault();
        deleteSelection();
      } else if (event.key === 'Enter' && s.writable) {
        const nodes = selectedNodeIds(s);
        const edges = [...s.edgeSelection];
        if (nodes.length === 1 && nodes[0] !== undefined && edges.length === 0) {
          event.preventDefault();
          startEditing({ type: 'node', id: nodes[0] });
        } else if (nodes.length === 0 && edges.length === 1 && edges[0] !== undefined) {
          event.preventDefault();
          startEditing({ type: 'edge', id: edges[0] });
        }
      } else if (event.key === 'Escape') {
        selectOnly([]);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
