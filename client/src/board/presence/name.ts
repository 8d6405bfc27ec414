/** The display name, asked once and kept for every session in this browser. */
const KEY = 'designroom:name';

export function storedName(): string | null {
  try {
    const name = window.localStorage.getItem(KEY)?.trim();
    return name ? name.slice(0, 40) : null;
  } catch {
    return null;
  }
}

export function storeName(name: string): void {
  try {
    window.localStorage.setItem(KEY, name.trim().slice(0, 40));
  } catch {
    // Without storage the name lasts for this page only.
  }
}
