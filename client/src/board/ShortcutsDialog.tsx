import { setShortcutsOpen, useBoardUi } from '../store/board-ui';
import { SHORTCUTS } from './useBoardKeys';

/** The `?` overlay: every board shortcut. Escape (see useBoardKeys) or Close dismisses it. */
export function ShortcutsDialog() {
  const open = useBoardUi((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => setShortcutsOpen(false)}>
      <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" onClick={() => setShortcutsOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
