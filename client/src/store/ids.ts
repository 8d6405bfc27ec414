/**
 * New ids for nodes, edges, comments and browsers (`b`, see board/presence/browser-id.ts): a time stamp (so ids sort by creation, which the canvas uses
 * as drawing order) and 48 random bits. `crypto.getRandomValues` works on plain-http LAN
 * origins too, where `crypto.randomUUID` does not exist. Matches core's id alphabet.
 */
export function newId(prefix: 'n' | 'e' | 'c' | 'b'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const random = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}${Date.now().toString(36)}-${random}`;
}
