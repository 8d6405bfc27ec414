/** View preferences of this browser (not part of the document): snap to grid, theme, the shortcuts overlay. */
import { create } from 'zustand';

export type Theme = 'light' | 'dark';

const THEME_KEY = 'designroom:theme';
const SNAP_KEY = 'designroom:snap';
const PALETTE_KEY = 'designroom:palette';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the preference lasts for this page only.
  }
}

/** The manual choice, or null to follow the system (`prefers-color-scheme`). */
function initialTheme(): Theme | null {
  const value = stored(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export interface BoardUi {
  snap: boolean;
  /** Icons only (true), icons and names (false), or null until this browser has chosen. */
  paletteCompact: boolean | null;
  theme: Theme | null;
  shortcutsOpen: boolean;
}

export const useBoardUi = create<BoardUi>(() => ({
  snap: stored(SNAP_KEY) !== 'off',
  paletteCompact: stored(PALETTE_KEY) === null ? null : stored(PALETTE_KEY) === 'compact',
  theme: initialTheme(),
  shortcutsOpen: false,
}));

export const GRID = 16;

export function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function effectiveTheme(theme: Theme | null = useBoardUi.getState().theme): Theme {
  return theme ?? systemTheme();
}

/** Puts the manual choice (if any) on <html data-theme>, which styles.css prefers over the system's. */
export function applyTheme(theme: Theme | null = useBoardUi.getState().theme): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function toggleTheme(): void {
  const next: Theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
  store(THEME_KEY, next);
  useBoardUi.setState({ theme: next });
  applyTheme(next);
}

export function toggleSnap(): void {
  const snap = !useBoardUi.getState().snap;
  store(SNAP_KEY, snap ? 'on' : 'off');
  useBoardUi.setState({ snap });
}

/**
 * Whether the palette shows icons only. Until someone chooses, interviewers get the compact one:
 * they draw little, and at 1280 px their canvas shares the width with the interview panel.
 */
export function paletteCompact(ui: BoardUi, role: string | null): boolean {
  return ui.paletteCompact ?? role === 'interviewer';
}

export function setPaletteCompact(compact: boolean): void {
  store(PALETTE_KEY, compact ? 'compact' : 'full');
  useBoardUi.setState({ paletteCompact: compact });
}

export function setShortcutsOpen(shortcutsOpen: boolean): void {
  useBoardUi.setState({ shortcutsOpen });
}

if (typeof document !== 'undefined') applyTheme();
