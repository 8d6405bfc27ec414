import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useBoardStore } from '../store/board';
import { redo, undo, useHistoryStore } from '../store/board-history';
import { autoLayout } from '../store/board-layout';
import { effectiveTheme, setShortcutsOpen, toggleSnap, toggleTheme, useBoardUi } from '../store/board-ui';

/** Undo, redo, auto-layout (then fit view), snap to grid, theme and the shortcuts overlay, over the canvas. */
export function BoardToolbar() {
  const writable = useBoardStore((s) => s.writable);
  const empty = useBoardStore((s) => s.nodes.size === 0);
  const { canUndo, canRedo } = useHistoryStore();
  const snap = useBoardUi((s) => s.snap);
  const theme = useBoardUi((s) => effectiveTheme(s.theme));
  const [laying, setLaying] = useState(false);
  const { fitView } = useReactFlow();

  const layout = async () => {
    setLaying(true);
    try {
      await autoLayout();
      await fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
    } finally {
      setLaying(false);
    }
  };

  return (
    <div className="board-toolbar" role="toolbar" aria-label="Board tools">
      {writable && (
        <>
          <button type="button" className="tool" aria-label="Undo" title="Undo (Ctrl/⌘ Z)" disabled={!canUndo} onClick={undo}>
            ↶
          </button>
          <button type="button" className="tool" aria-label="Redo" title="Redo (Ctrl/⌘ Shift Z)" disabled={!canRedo} onClick={redo}>
            ↷
          </button>
          <button type="button" className="tool" aria-label="Auto-layout" title="Auto-layout, left to right" disabled={empty || laying} onClick={() => void layout()}>
            ⇶
          </button>
          <button type="button" className="tool" aria-label="Snap to grid" aria-pressed={snap} title="Snap to a 16 px grid" onClick={toggleSnap}>
            #
          </button>
        </>
      )}
      <button
        type="button"
        className="tool"
        aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}
        title="Light or dark"
        onClick={toggleTheme}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button type="button" className="tool" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShortcutsOpen(true)}>
        ?
      </button>
    </div>
  );
}
