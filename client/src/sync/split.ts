/**
 * Splitting a Yjs update (V1) into parts that each fit one message (WIRE_LIMITS says the client
 * splits large messages): a long offline session or a big paste can exceed what the server
 * takes in one `board:sync`.
 *
 * Parts are in causal order: an item goes into a part only once everything it names (its left
 * and right origins, its parent) is in that part, an earlier one, or outside the update (the
 * server holds it already), so the server can apply each part as it arrives and never has to
 * hold one waiting for a later one. One long text item is cut at character boundaries, which
 * is what Yjs does itself when it splits an item. The delete set travels in the last part,
 * when every item it names has been sent.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

function encodedSize(write: (encoder: Y.UpdateEncoderV1) => void): number {
  const encoder = new Y.UpdateEncoderV1();
  write(encoder);
  return encoder.toUint8Array().byteLength;
}

/** A struct, or the part [from, to) of a splittable item. */
interface Piece {
  struct: Struct;
  from: number;
  to: number;
}

function writePiece(encoder: Y.UpdateEncoderV1, { struct, from, to }: Piece): void {
  if (to === struct.length || !(struct instanceof Y.Item)) {
    struct.write(encoder, from);
    return;
  }
  // A copy whose content ends at `to`; written from `from`, it names the previous character as
  // its origin, exactly as Yjs encodes the right half of a split item.
  const content = struct.content.copy();
  content.splice(to);
  const head = new Y.Item(struct.id, null, struct.origin, null, struct.rightOrigin, struct.parent, struct.parentSub, content);
  head.write(encoder, from);
}

class PartBuilder {
  readonly runs = new Map<number, Piece[]>();
  bytes = 0;

  add(piece: Piece, size: number): void {
    const client = piece.struct.id.client;
    const run = this.runs.get(client);
    if (run) run.push(piece);
    else this.runs.set(client, [piece]);
    this.bytes += size;
  }

  encode(ds: ReturnType<typeof Y.decodeUpdate>['ds'] | null): Uint8Array {
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, this.runs.size);
    for (const [client, run] of [...this.runs].sort((a, b) => b[0] - a[0])) {
      encoding.writeVarUint(encoder.restEncoder, run.length);
      encoder.writeClient(client);
      encoding.writeVarUint(encoder.restEncoder, run[0]!.struct.id.clock + run[0]!.from);
      for (const piece of run) writePiece(encoder, piece);
    }
    const clients = ds ? [...ds.clients].sort((a, b) => b[0] - a[0]) : [];
    encoding.writeVarUint(encoder.restEncoder, clients.length);
    for (const [client, items] of clients) {
      encoder.resetDsCurVal();
      encoding.writeVarUint(encoder.restEncoder, client);
      encoding.writeVarUint(encoder.restEncoder, items.length);
      for (const item of items) {
        encoder.writeDsClock(item.clock);
        encoder.writeDsLen(item.len);
      }
    }
    return encoder.toUint8Array();
  }
}

function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const ids: Y.ID[] = [];
  if (struct.origin) ids.push(struct.origin);
  if (struct.rightOrigin) ids.push(struct.rightOrigin);
  if (struct.parent instanceof Y.ID) ids.push(struct.parent);
  return ids;
}

/**
 * Cuts `update` into updates of at most `maxBytes` each (returns `[update]` when it already
 * fits). A single value that cannot be cut (a map entry's JSON, say) and is larger than
 * `maxBytes` stays whole in its own part: the server refuses it as too large, which is the truth.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update];
  const { structs, ds } = Y.decodeUpdate(update);
  const queues = new Map<number, Struct[]>();
  for (const struct of structs) {
    const queue = queues.get(struct.id.client);
    if (queue) queue.push(struct);
    else queues.set(struct.id.client, [struct]);
  }
  const first = new Map([...queues].map(([client, queue]) => [client, queue[0]!.id.clock]));
  const placed = new Map(first);
  const ready = (id: Y.ID) => {
    const start = first.get(id.client);
    return start === undefined || id.clock < start || id.clock < placed.get(id.client)!;
  };

  const parts: Uint8Array[] = [];
  let part = new PartBuilder();
  const place = (piece: Piece, size: number) => {
    if (part.bytes > 0 && part.bytes + size > maxBytes) {
      parts.push(part.encode(null));
      part = new PartBuilder();
    }
    part.add(piece, size);
    placed.set(piece.struct.id.client, piece.struct.id.clock + piece.to);
  };
  const placeStruct = (struct: Struct) => {
    const size = encodedSize((e) => struct.write(e, 0));
    if (size <= maxBytes || !(struct instanceof Y.Item) || !struct.content.isCountable() || struct.length < 2) {
      place({ struct, from: 0, to: struct.length }, size);
      return;
    }
    let from = 0;
    while (from < struct.length) {
      let to = Math.min(struct.length, from + Math.max(1, Math.floor(((struct.length * maxBytes) / size) * 0.9)));
      let pieceSize = encodedSize((e) => writePiece(e, { struct, from, to }));
      while (pieceSize > maxBytes && to - from > 1) {
        to = from + Math.ceil((to - from) / 2);
        pieceSize = encodedSize((e) => writePiece(e, { struct, from, to }));
      }
      place({ struct, from, to }, pieceSize);
      from = to;
    }
  };

  let remaining = structs.length;
  while (remaining > 0) {
    let progressed = false;
    for (const queue of queues.values()) {
      while (queue.length > 0 && dependencies(queue[0]!).every(ready)) {
        placeStruct(queue.shift()!);
        remaining--;
        progressed = true;
      }
    }
    if (!progressed) {
      // Something names an item that is neither here nor before it: the server will judge it;
      // keep the order Yjs gave and move on.
      const queue = [...queues.values()].find((q) => q.length > 0)!;
      placeStruct(queue.shift()!);
      remaining--;
    }
  }
  parts.push(part.encode(ds));
  return parts;
}
