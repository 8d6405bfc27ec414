import * as Y from 'yjs';
import { commentSchema } from '../board/schema';
import { LAYOUT_KEYS, commentsMap } from '../board/ydoc';
import type { ErrorBody, Role } from './events';

/**
 * Checks a client's update against the document it is about to be applied to, before it is
 * applied, so that applying it can neither throw half way (Yjs integrates item by item and
 * does not roll back) nor leave anything pending (an item whose dependencies never arrive
 * waits inside Yjs forever, stored but invisible). It refuses:
 * - bytes that do not decode, gaps inside the update, items pointing at a later clock of
 *   their own writer, writes to unknown top-level types, subdocuments (`BAD_MESSAGE`);
 * - items or deletions that build on clocks the server does not hold — an edit the server
 *   refused earlier, or content no one ever wrote (`OUT_OF_SYNC`: the client should rebuild
 *   from the server's state);
 * - a comment signed, or re-signed by overwriting its `role`, with a role other than the
 *   writer's (`FORBIDDEN`), and a new comment that lacks a valid field (`BAD_MESSAGE`).
 * A `role` key anywhere else (a node's props, say) is just data.
 */
export interface UpdateInspection {
  /** Why the update must be refused, or null when it may be applied. */
  refusal: ErrorBody | null;
  /**
   * Every item in it is new to the document (none is a resend): applied, it changes exactly
   * what it says, so it can be stored and relayed as it is, without re-encoding the change.
   */
  fresh: boolean;
  /**
   * It only moves or resizes nodes (every item it writes and every item it deletes is a
   * node's x, y, width or height), so whatever reads the board's meaning can skip it.
   */
  layoutOnly: boolean;
}

export function inspectUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  options: {
    allowedRoots: ReadonlySet<string>;
    /** The writer's role, which every comment signature must equal; null for the server itself. */
    signer: Role | null;
  },
): UpdateInspection {
  const result = check(doc, update, options);
  if ('refusal' in result) return { refusal: result.refusal, fresh: false, layoutOnly: false };
  return { refusal: null, fresh: result.fresh, layoutOnly: result.layoutOnly };
}

type CheckResult = { refusal: ErrorBody } | { fresh: boolean; layoutOnly: boolean };

function check(doc: Y.Doc, update: Uint8Array, options: { allowedRoots: ReadonlySet<string>; signer: Role | null }): CheckResult {
  const refused = (refusal: ErrorBody): CheckResult => ({ refusal });
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refused(bad(`not a Yjs update: ${(error as Error).message}`));
  }
  const store = doc.store;
  const byClient = new Map<number, (Y.Item | Y.GC)[]>();
  const ends = new Map<number, number>();
  let fresh = decoded.structs.length > 0;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return refused(outOfSync('the update has a gap in its history (a merged update missing a part)'));
    const { client, clock } = struct.id;
    const end = ends.get(client);
    if (end === undefined) {
      const held = Y.getState(store, client);
      if (clock > held) return refused(outOfSync(`it continues writer ${client} from clock ${clock}, but the server holds that writer only up to clock ${held}`));
      if (clock < held) fresh = false;
      byClient.set(client, []);
    } else if (clock !== end) {
      return refused(bad(`writer ${client}'s items are not contiguous (clock ${clock} after ${end})`));
    }
    byClient.get(client)!.push(struct as Y.Item | Y.GC);
    ends.set(client, clock + struct.length);
  }
  const known = (client: number) => Math.max(Y.getState(store, client), ends.get(client) ?? 0);

  const fromUpdate = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  const lookup = (id: Y.ID): Y.Item | Y.GC | undefined =>
    id.clock < Y.getState(store, id.client) ? (Y.getItem(store, id) as Y.Item | Y.GC) : fromUpdate(id);

  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (!ref) continue;
      if (ref.client === struct.id.client ? ref.clock >= struct.id.clock : ref.clock >= known(ref.client)) {
        return refused(
          ref.client === struct.id.client
            ? bad(`item ${struct.id.client}:${struct.id.clock} points at its own writer's later clock ${ref.clock}`)
            : outOfSync(`it builds on writer ${ref.client}'s clock ${ref.clock}, which the server does not hold`),
        );
      }
    }
    const parent: Parent = struct.parent as Parent;
    if (typeof parent === 'string' && !options.allowedRoots.has(parent)) {
      return refused(bad(`update writes to unknown top-level type "${parent.slice(0, 40)}"`));
    }
    if (struct.content instanceof Y.ContentDoc) return refused(bad('subdocuments are not part of a board'));
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > known(client)) {
        return refused(outOfSync(`it deletes writer ${client}'s clocks up to ${range.clock + range.len}, which the server does not hold`));
      }
    }
  }
  const slotOf = slotFinder(lookup);
  const comments = checkComments(decoded.structs, doc, lookup, slotOf, options.signer);
  if (comments) return refused(comments);
  return { fresh, layoutOnly: isLayoutOnly(decoded, lookup, slotOf) };
}

type Slot = { parent: Parent; key: string | null };

/**
 * Where an item sits: its parent and map key. An item written next to an existing one (a map
 * overwrite, typing) carries no parent or key of its own: they are its neighbour's.
 */
function slotFinder(lookup: (id: Y.ID) => Y.Item | Y.GC | undefined): (item: Y.Item) => Slot {
  const slots = new Map<Y.Item, Slot>();
  return (item) => {
    const chain: Y.Item[] = [];
    let current: Y.Item | undefined = item;
    let found: Slot = { parent: null, key: null };
    while (current) {
      const cached = slots.get(current);
      if (cached) {
        found = cached;
        break;
      }
      chain.push(current);
      if (current.parent !== null) {
        found = { parent: current.parent as Parent, key: current.parentSub };
        break;
      }
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      const next: Y.Item | Y.GC | undefined = neighbour ? lookup(neighbour) : undefined;
      current = next instanceof Y.Item ? next : undefined;
    }
    for (const visited of chain) slots.set(visited, found);
    return found;
  };
}

/** Deleted structs looked at before giving up on calling an update layout-only (a bulk delete is not a drag). */
const MAX_LAYOUT_DELETIONS = 16;

function isLayoutOnly(decoded: ReturnType<typeof Y.decodeUpdate>, lookup: (id: Y.ID) => Y.Item | Y.GC | undefined, slotOf: (item: Y.Item) => Slot): boolean {
  const isLayout = (item: Y.Item | Y.GC | undefined): boolean => {
    if (!(item instanceof Y.Item)) return false;
    const { parent, key } = slotOf(item);
    // Top-level keys are never layout: a node's fields live in the node's own map.
    return key !== null && typeof parent !== 'string' && LAYOUT_KEYS.has(key);
  };
  let items = 0;
  for (const struct of decoded.structs) {
    if (!isLayout(struct as Y.Item)) return false;
    items++;
  }
  let looked = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const item = lookup(Y.createID(client, clock));
        if (++looked > MAX_LAYOUT_DELETIONS || !isLayout(item)) return false;
        clock = item!.id.clock + item!.length;
      }
    }
  }
  return items > 0;
}

type Parent = string | Y.ID | Y.AbstractType<unknown> | null;

function checkComments(
  structs: (Y.Item | Y.GC | Y.Skip)[],
  doc: Y.Doc,
  lookup: (id: Y.ID) => Y.Item | Y.GC | undefined,
  slotOf: (item: Y.Item) => Slot,
  signer: Role | null,
): ErrorBody | null {
  const comments = commentsMap(doc);
  const isCommentsRoot = (parent: Parent) => parent === 'comments' || parent === comments;
  const isCommentMap = (parent: Parent): boolean => {
    if (parent instanceof Y.ID) {
      const item = lookup(parent);
      return item instanceof Y.Item && item.content instanceof Y.ContentType && isCommentsRoot(slotOf(item).parent);
    }
    if (parent instanceof Y.AbstractType) return parent._item !== null && isCommentsRoot(slotOf(parent._item).parent);
    return false;
  };

  const created = new Map<Y.Item, Record<string, unknown>>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (isCommentsRoot(slotOf(struct).parent) && struct.content instanceof Y.ContentType) created.set(struct, {});
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { parent, key } = slotOf(struct);
    if (key === null || !isCommentMap(parent)) continue;
    const value = struct.content.getContent()[0];
    if (key === 'role' && signer !== null && struct.content.getLength() > 0 && value !== signer) {
      return { code: 'FORBIDDEN', message: `a comment is signed with its writer's role, and this link is the ${signer}'s` };
    }
    const field = commentSchema.shape[key as keyof typeof commentSchema.shape];
    if (field && key !== 'id' && struct.content.getLength() > 0 && !field.safeParse(value).success) {
      return bad(`a comment's "${key}" is not valid`);
    }
    const owner = parent instanceof Y.ID ? lookup(parent) : undefined;
    if (owner instanceof Y.Item && created.has(owner)) created.get(owner)![key] = value;
  }
  for (const [item, fields] of created) {
    if (item.content.getLength() === 0) continue;
    const parsed = commentSchema.safeParse({ ...fields, id: slotOf(item).key ?? '' });
    if (!parsed.success) {
      return bad(`a new comment needs a valid target, author, role, text and createdAt: ${parsed.error.issues[0]?.path.join('.')} is missing or wrong`);
    }
  }
  return null;
}

const bad = (message: string): ErrorBody => ({ code: 'BAD_MESSAGE', message });
const outOfSync = (reason: string): ErrorBody => ({
  code: 'OUT_OF_SYNC',
  message: `${reason}; rebuild from the server's state (sync step 1 with an empty state vector) and redo the edit`,
});
