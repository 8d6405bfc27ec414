import { useEffect } from 'react';
import { deleteSelection } from '../store/board-actions';
import { selectedNodeIds, selectOnly, startEditing, useBoardStore } from '../store/board';
import { redo, undo } from '../store/board-history';
import { setShortcutsOpen, useBoardUi } from '../store/board-ui';
import { copySelection, duplicateSelection, paste } from '../store/clipboard';
import { arrangeCommandFor } from './arrange-commands';

/** Keys count for the board only when focus is on the canvas (or nowhere), not in a field or on a button. */
function forBoard(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target === document.body) return true;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName)) return false;
  return target.closest('.react-flow') !== null;
}

/** The shortcuts, as the `?` overlay lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, action: string])[] = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Ctrl/⌘ C', 'Copy selected components'],
  ['Ctrl/⌘ V', 'Paste'],
  ['Ctrl/⌘ D', 'Duplicate selected components'],
  ['Delete / Backspace', 'Delete the selection'],
  ['Enter', 'Rename the selected component or label the edge'],
  ['Escape', 'Clear the selection, close this overlay'],
  ['Shift click', 'Add to the selection'],
  ['Drag on empty canvas', 'Select with a box'],
  ['Alt Shift L, C, R', 'Align the selection left, on horizontal centres, right'],
  ['Alt Shift T, M, B', 'Align the selection top, on vertical middles, bottom'],
  ['Alt Shift H, V', 'Distribute the selection horizontally, vertically (3 or more)'],
  ['Space drag, right drag', 'Pan'],
  ['?', 'Show these shortcuts'],
];

/**
 * Board keys, for the canvas only (not while typing or on a button): Delete/Backspace removes the selection,
 * Enter renames the one selected node (or labels the one selected edge), Escape clears the selection,
 * Ctrl/⌘ with Z, Y, C, V, D for undo, redo, copy, paste and duplicate; Alt+Shift with a letter
 * aligns or distributes the selection; `?` shows the shortcuts.
 */
export function useBoardKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && useBoardUi.getState().shortcutsOpen) {
        event.preventDefault();
        setShortcutsOpen(false);
        return;
      }
      if (event.defaultPrevented || !forBoard(event.target)) return;
      const s = useBoardStore.getState();
      if (s.editing) return;
      if (event.altKey) {
        const command = event.shiftKey && !event.ctrlKey && !event.metaKey ? arrangeCommandFor(event) : undefined;
        if (command && s.writable) {
          event.preventDefault();
          command.run();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        const key = event.key.toLowerCase();
        if (key === 'c') {
          if (selectedNodeIds(s).length === 0) return;
          event.preventDefault();
          void copySelection();
          return;
        }
        if (!s.writable) return;
        if (key === 'z' && !event.shiftKey) undo();
        else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
        else if (key === 'v') void paste();
        else if (key === 'd') duplicateSelection();
        else return;
        event.preventDefault();
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
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
