import { create } from 'zustand';

/*
 * What the side dock shows, remembered in this browser: whether the whole dock is folded to a
 * strip, and which of its views are folded. A view nobody has folded or unfolded yet takes the
 * default its definition gives (so an interviewer's prompt can start folded, a candidate's open).
 */
const KEY = 'designroom:dock';

interface DockState {
  dockFolded: boolean;
  /** Only views someone has chosen for; the rest use their default. */
  folded: Record<string, boolean>;
}

function load(): DockState {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (raw && typeof raw === 'object') {
      const { dockFolded, folded } = raw as Record<string, unknown>;
      const views = folded && typeof folded === 'object' ? Object.entries(folded).filter(([, v]) => typeof v === 'boolean') : [];
      return { dockFolded: dockFolded === true, folded: Object.fromEntries(views) as Record<string, boolean> };
    }
  } catch {
    // Unreadable or unavailable storage: start unfolded.
  }
  return { dockFolded: false, folded: {} };
}

/** The dock's folds; read with `useDock(selector)`. */
export const useDock = create<DockState>(() => (typeof window === 'undefined' ? { dockFolded: false, folded: {} } : load()));

function save(): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(useDock.getState()));
  } catch {
    // Not remembered past this page; the fold itself still works.
  }
}

export function setDockFolded(dockFolded: boolean): void {
  useDock.setState({ dockFolded });
  save();
}

export function setViewFolded(id: string, folded: boolean): void {
  useDock.setState((s) => ({ folded: { ...s.folded, [id]: folded } }));
  save();
}

/** Unfolds the dock and one view in it, and brings the view into sight (a new question, the bar's button). */
export function revealView(id: string): void {
  useDock.setState((s) => ({ dockFolded: false, folded: { ...s.folded, [id]: false } }));
  save();
  window.requestAnimationFrame(() => document.getElementById(`dock-view-${id}`)?.scrollIntoView({ block: 'nearest' }));
}
