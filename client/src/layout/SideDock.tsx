import type { ReactNode } from 'react';
import { setDockFolded, setViewFolded, useDock } from './dock-store';
import './dock.css';

/**
 * One view of the side dock. To add a panel to the room, give BoardPage one more of these
 * (load a big panel with React.lazy inside `content`); see docs/decisions/010-room-links-and-layout.md.
 */
export interface DockView {
  /** Stable id: the fold is remembered under it, and `revealView(id)` opens it. */
  id: string;
  title: string;
  content: ReactNode;
  /** Folded until the user says otherwise. */
  foldedByDefault?: boolean;
  /** A count shown beside the title (e.g. unanswered questions). */
  badge?: number;
  /** Fills the dock's free height when open (long lists, editors); otherwise it takes its content's height. */
  grow?: boolean;
}

/**
 * The side of the room: stacked views that each fold to their title, above which the selected
 * component's properties appear. The whole dock folds to a narrow strip so the canvas gets the width.
 */
export function SideDock({ views, header }: { views: DockView[]; header?: ReactNode }) {
  const dockFolded = useDock((s) => s.dockFolded);
  const folded = useDock((s) => s.folded);
  const isFolded = (v: DockView) => folded[v.id] ?? v.foldedByDefault ?? false;

  if (dockFolded) {
    return (
      <aside className="side-dock folded" aria-label="Side panel">
        <button type="button" className="dock-fold" aria-expanded={false} aria-label="Unfold the side panel" title="Show the side panel" onClick={() => setDockFolded(false)}>
          «
        </button>
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            className="dock-strip-title"
            onClick={() => {
              setViewFolded(v.id, false);
              setDockFolded(false);
            }}
          >
            {v.title}
            {v.badge ? <span className="dock-badge">{v.badge}</span> : null}
          </button>
        ))}
      </aside>
    );
  }

  return (
    <aside className="side-dock" aria-label="Side panel">
      <div className="dock-top">
        {header}
        <button type="button" className="dock-fold" aria-expanded aria-label="Fold the side panel" title="Hide the side panel (more room for the canvas)" onClick={() => setDockFolded(true)}>
          »
        </button>
      </div>
      {views.map((v) => {
        const closed = isFolded(v);
        return (
          <section key={v.id} id={`dock-view-${v.id}`} className={`dock-view${closed ? ' closed' : ''}${v.grow ? ' grow' : ''}`} data-testid={`dock-${v.id}`}>
            <h2 className="dock-view-head">
              <button type="button" aria-expanded={!closed} aria-controls={`dock-body-${v.id}`} onClick={() => setViewFolded(v.id, !closed)}>
                <span className="dock-chevron" aria-hidden="true">
                  {closed ? '▸' : '▾'}
                </span>
                {v.title}
                {v.badge ? <span className="dock-badge">{v.badge}</span> : null}
              </button>
            </h2>
            {!closed && (
              <div className="dock-view-body" id={`dock-body-${v.id}`}>
                {v.content}
              </div>
            )}
          </section>
        );
      })}
    </aside>
  );
}
