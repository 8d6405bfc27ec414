import { newId } from '../../store/ids';

/** Kept for every session in this browser, like the display name (name.ts). */
const KEY = 'designroom:browser-id';

let fallback: string | null = null;

/**
 * This browser's id, published in the awareness `user` state so that several tabs of one
 * browser are shown as one person. Made once and kept in localStorage (shared by the tabs);
 * without storage it lasts for this page only, and the tab then counts as a person of its own.
 */
export function browserId(): string {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored && isBrowserId(stored)) return stored;
    const id = newId('b');
    window.localStorage.setItem(KEY, id);
    return id;
  } catch {
    fallback ??= newId('b');
    return fallback;
  }
}

/** What a browser id from another browser may look like before it is used as a key. */
export function isBrowserId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
