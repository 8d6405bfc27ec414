/**
 * A minimal history-based navigation: `navigate()` pushes a path and tells subscribers, and
 * the back/forward buttons do the same through `popstate`.
 */
const listeners = new Set<() => void>();

/** The path and fragment: pasting a link with a new `#token=` into the address bar changes only the fragment. */
export function currentLocation(): string {
  return window.location.pathname + window.location.hash;
}

export function subscribeToNavigation(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

/** Goes to a same-origin path (which may carry a `#fragment`) without reloading the page. */
export function navigate(pathWithHash: string): void {
  window.history.pushState(null, '', pathWithHash);
  for (const listener of listeners) listener();
}
