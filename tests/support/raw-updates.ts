import * as encoding from 'lib0/encoding';

/**
 * Hand-built Yjs v1 updates, for tests that need bytes no well-behaved Yjs client would
 * produce: items pointing at clocks that do not exist, deletions of content no one wrote.
 * The layout follows Yjs' update format: per client the structs, then the delete set.
 */

const CONTENT_ANY = 8;
const CONTENT_TYPE = 7;
const YMAP_TYPE_REF = 1;
const HAS_ORIGIN = 0x80;
const HAS_PARENT_SUB = 0x20;

export type RawStruct =
  | { kind: 'any'; value: string | number; origin?: [number, number]; root?: string; parentId?: [number, number]; key?: string }
  | { kind: 'map'; root?: string; parentId?: [number, number]; key: string };

/** One client's run of structs starting at `clock`, plus an optional delete set. */
export function rawUpdate(
  client: number,
  clock: number,
  structs: RawStruct[],
  deletes: { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, structs.length > 0 ? 1 : 0);
  if (structs.length > 0) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const s of structs) {
      const origin = s.kind === 'any' ? s.origin : undefined;
      const key = s.key;
      const ref = s.kind === 'any' ? CONTENT_ANY : CONTENT_TYPE;
      encoding.writeUint8(e, ref | (origin ? HAS_ORIGIN : 0) | (!origin && key !== undefined ? HAS_PARENT_SUB : 0));
      if (origin) {
        encoding.writeVarUint(e, origin[0]);
        encoding.writeVarUint(e, origin[1]);
      } else {
        if (s.root !== undefined) {
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, s.root);
        } else {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, s.parentId![0]);
          encoding.writeVarUint(e, s.parentId![1]);
        }
        if (key !== undefined) encoding.writeVarString(e, key);
      }
      if (s.kind === 'any') {
        encoding.writeVarUint(e, 1);
        encoding.writeAny(e, s.value);
      } else {
        encoding.writeVarUint(e, YMAP_TYPE_REF);
      }
    }
  }
  const byClient = new Map<number, { clock: number; len: number }[]>();
  for (const d of deletes) byClient.set(d.client, [...(byClient.get(d.client) ?? []), d]);
  encoding.writeVarUint(e, byClient.size);
  for (const [c, ranges] of byClient) {
    encoding.writeVarUint(e, c);
    encoding.writeVarUint(e, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e, r.clock);
      encoding.writeVarUint(e, r.len);
    }
  }
  return encoding.toUint8Array(e);
}
