import * as decoding from 'lib0/decoding';

/** Largest awareness state one client may publish (a name, a colour, a cursor, a drag). */
export const MAX_AWARENESS_BYTES = 16 * 1024;

/**
 * Reads the client ids an awareness update speaks for, checking it is well formed
 * (y-protocols layout: count, then per client: id, clock, JSON state). Throws if not.
 */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new Error('too many clients in one awareness update');
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
  return ids;
}
