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
type Parent = string | Y.ID | Y.AbstractType<unknown> | null;
type Slot = { parent: Parent; key: string | null };

/** Deleted structs looked at before giving up on calling an update layout-only (a bulk delete is not a drag). */
const MAX_LAYOUT_DELETIONS = 16;
const NO_SLOT: Slot = { parent: null, key: null };

/**
 * A decoded update against the document it is checked for: finds any struct by id, in the
 * document or in the update, and where an item sits. It runs on every edit, so it is a class
 * (its methods are made once) rather than closures made per call.
 */
class UpdateView {
  /** The update's structs per writer, in clock order (checked contiguous). */
  readonly byClient = new Map<number, (Y.Item | Y.GC)[]>();
  /** Per writer, the clock after the update's last struct. */
  readonly ends = new Map<number, number>();
  private readonly slots = new Map<Y.Item, Slot>();

  constructor(private readonly store: Y.Doc['store']) {}

  /** The clock up to which a writer is known: held by the document or written by the update. */
  known(client: number): number {
    return Math.max(Y.getState(this.store, client), this.ends.get(client) ?? 0);
  }

  lookup(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock < Y.getState(this.store, id.client)) return Y.getItem(this.store, id) as Y.Item | Y.GC;
    const list = this.byClient.get(id.client);
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
  }

  /**
   * Where an item sits: its parent and map key. An item written next to an existing one (a map
   * overwrite, typing) carries no parent or key of its own: they are its neighbour's.
   */
  slotOf(item: Y.Item): Slot {
    let current: Y.Item | undefined = item;
    let found = NO_SLOT;
    let visited: Y.Item[] | null = null;
    while (current) {
      const cached = this.slots.get(current);
      if (cached) {
        found = cached;
        break;
      }
      (visited ??= []).push(current);
      if (current.parent !== null) {
        found = { parent: current.parent as Parent, key: current.parentSub };
        break;
      }
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      const next: Y.Item | Y.GC | undefined = neighbour ? this.lookup(neighbour) : undefined;
      current = next instanceof Y.Item ? next : undefined;
    }
    if (visited) for (const seen of visited) this.slots.set(seen, found);
    return found;
  }

  /** A node's x, y, width or height (a node's fields live in its own map, never at the top level). */
  isLayout(item: Y.Item | Y.GC | undefined): boolean {
    if (!(item instanceof Y.Item)) return false;
    const { parent, key } = this.slotOf(item);
    return key !== null && typeof parent !== 'string' && LAYOUT_KEYS.has(key);
  }
}

/** The first reference of an item that points where it may not, or null. */
function badReference(view: UpdateView, struct: Y.Item): ErrorBody | null {
  const own = struct.id;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  for (let i = 0; i < 3; i++) {
    const ref = i === 0 ? struct.origin : i === 1 ? struct.rightOrigin : parent;
    if (!ref) continue;
    if (ref.client === own.client) {
      if (ref.clock >= own.clock) return bad(`item ${own.client}:${own.clock} points at its own writer's later clock ${ref.clock}`);
    } else if (ref.clock >= view.known(ref.client)) {
      return outOfSync(`it builds on writer ${ref.client}'s clock ${ref.clock}, which the server does not hold`);
    }
  }
  return null;
}

function check(doc: Y.Doc, update: Uint8Array, options: { allowedRoots: ReadonlySet<string>; signer: Role | null }): CheckResult {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { refusal: bad(`not a Yjs update: ${(error as Error).message}`) };
  }
  const store = doc.store;
  const view = new UpdateView(store);
  let fresh = decoded.structs.length > 0;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return { refusal: outOfSync('the update has a gap in its history (a merged update missing a part)') };
    const { client, clock } = struct.id;
    const end = view.ends.get(client);
    if (end === undefined) {
      const held = Y.getState(store, client);
      if (clock > held) return { refusal: outOfSync(`it continues writer ${client} from clock ${clock}, but the server holds that writer only up to clock ${held}`) };
      if (clock < held) fresh = false;
      view.byClient.set(client, [struct as Y.Item | Y.GC]);
    } else if (clock !== end) {
      return { refusal: bad(`writer ${client}'s items are not contiguous (clock ${clock} after ${end})`) };
    } else {
      view.byClient.get(client)!.push(struct as Y.Item | Y.GC);
    }
    view.ends.set(client, clock + struct.length);
  }

  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const wrong = badReference(view, struct);
    if (wrong) return { refusal: wrong };
    const parent = struct.parent as Parent;
    if (typeof parent === 'string' && !options.allowedRoots.has(parent)) {
      return { refusal: bad(`update writes to unknown top-level type "${parent.slice(0, 40)}"`) };
    }
    if (struct.content instanceof Y.ContentDoc) return { refusal: bad('subdocuments are not part of a board') };
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > view.known(client)) {
        return { refusal: outOfSync(`it deletes writer ${client}'s clocks up to ${range.clock + range.len}, which the server does not hold`) };
      }
    }
  }
  const comments = checkComments(decoded.structs, doc, view, options.signer);
  if (comments) return { refusal: comments };
  return { fresh, layoutOnly: isLayoutOnly(decoded, view) };
}

function isLayoutOnly(decoded: ReturnType<typeof Y.decodeUpdate>, view: UpdateView): boolean {
  let items = 0;
  for (const struct of decoded.structs) {
    if (!view.isLayout(struct as Y.Item)) return false;
    items++;
  }
  let looked = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const item = view.lookup(Y.createID(client, clock));
        if (++looked > MAX_LAYOUT_DELETIONS || !view.isLayout(item)) return false;
        clock = item!.id.clock + item!.length;
      }
    }
  }
  return items > 0;
}

function isCommentsRoot(parent: Parent, comments: unknown): boolean {
  return parent === 'comments' || parent === comments;
}

/** Whether a parent is one comment's map (an entry of the top-level comments map). */
function isCommentMap(parent: Parent, view: UpdateView, comments: unknown): boolean {
  if (parent instanceof Y.ID) {
    const item = view.lookup(parent);
    return item instanceof Y.Item && item.content instanceof Y.ContentType && isCommentsRoot(view.slotOf(item).parent, comments);
  }
  if (parent instanceof Y.AbstractType) return parent._item !== null && isCommentsRoot(view.slotOf(parent._item).parent, comments);
  return false;
}

function checkComments(structs: (Y.Item | Y.GC | Y.Skip)[], doc: Y.Doc, view: UpdateView, signer: Role | null): ErrorBody | null {
  const comments = commentsMap(doc);
  let created: Map<Y.Item, Record<string, unknown>> | null = null;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.content instanceof Y.ContentType && isCommentsRoot(view.slotOf(struct).parent, comments)) (created ??= new Map()).set(struct, {});
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { parent, key } = view.slotOf(struct);
    if (key === null || !isCommentMap(parent, view, comments)) continue;
    const value = struct.content.getContent()[0];
    if (key === 'role' && signer !== null && struct.content.getLength() > 0 && value !== signer) {
      return { code: 'FORBIDDEN', message: `a comment is signed with its writer's role, and this link is the ${signer}'s` };
    }
    const field = commentSchema.shape[key as keyof typeof commentSchema.shape];
    if (field && key !== 'id' && struct.content.getLength() > 0 && !field.safeParse(value).success) {
      return bad(`a comment's "${key}" is not valid`);
    }
    const owner = parent instanceof Y.ID ? view.lookup(parent) : undefined;
    const fields = owner instanceof Y.Item ? created?.get(owner) : undefined;
    if (fields) fields[key] = value;
  }
  if (!created) return null;
  for (const [item, fields] of created) {
    if (item.content.getLength() === 0) continue;
    const parsed = commentSchema.safeParse({ ...fields, id: view.slotOf(item).key ?? '' });
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
