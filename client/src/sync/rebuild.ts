/**
 * Rebuilding the local document after the server refused one of this client's changes.
 *
 * A Yjs item can never be taken back: a refused item stays in the local document, every later
 * item of the same client continues its clock (and often names it as origin), so the server
 * would hold all of them as waiting for a dependency that never comes. The only way back to a
 * board the server holds is a new document built from the server's state, with a new client
 * id. Work the user did that the server has not acknowledged and that the refusal did not
 * touch is then written again into the new document, entry by entry (a node, an edge, a
 * comment, a section), as fresh edits. See docs/decisions/013-refused-edits.md.
 */
import * as Y from 'yjs';
import {
  commentsMap,
  edgesMap,
  metaMap,
  nodesMap,
  putComment,
  putEdge,
  putNode,
  readComment,
  readEdge,
  readBoard,
  readNode,
  replaceText,
  SECTION_IDS,
  SECTION_TITLES,
} from '../../../core/src';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from './origins';

/**
 * One top-level entry of the board: `nodes/<id>`, `edges/<id>`, `comments/<id>`,
 * `meta/<key>`, or a whole top-level text such as `section:api`.
 */
export type EntryKey = string;

function rootName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}

/** The board entries a transaction changed, named as EntryKeys. */
export function touchedEntries(transaction: Y.Transaction): Set<EntryKey> {
  const touched = new Set<EntryKey>();
  for (const [type, keys] of transaction.changed) {
    let root = type as Y.AbstractType<unknown>;
    let key: string | null = null;
    while (root._item !== null) {
      key = root._item.parentSub;
      root = root._item.parent as Y.AbstractType<unknown>;
    }
    const name = rootName(transaction.doc, root);
    if (name === null) continue;
    // A change right in a root names its keys (a map) or null (a text: the whole text is the entry).
    if (root === type) for (const changed of keys) touched.add(changed === null ? name : `${name}/${changed}`);
    else touched.add(key === null ? name : `${name}/${key}`);
  }
  return touched;
}

/** Writes `from`'s value of one entry into `to`, as it is in `from` (or its absence). */
function copyEntry(from: Y.Doc, to: Y.Doc, entry: EntryKey): void {
  const slash = entry.indexOf('/');
  if (slash < 0) {
    if (entry.startsWith('section:')) replaceText(to.getText(entry), from.getText(entry).toString());
    return;
  }
  const root = entry.slice(0, slash);
  const id = entry.slice(slash + 1);
  switch (root) {
    case 'nodes': {
      const source = nodesMap(from).get(id);
      const node = readNode(id, source);
      if (node) putNode(to, node);
      else if (source === undefined) nodesMap(to).delete(id);
      return;
    }
    case 'edges': {
      const source = edgesMap(from).get(id);
      const edge = readEdge(id, source);
      const ends = edge !== null && nodesMap(to).has(edge.source) && nodesMap(to).has(edge.target);
      // An edge whose end did not survive the rebuild is left out rather than left dangling.
      if (edge && ends) putEdge(to, edge);
      else if (source === undefined) edgesMap(to).delete(id);
      return;
    }
    case 'comments': {
      const source = commentsMap(from).get(id);
      const comment = readComment(id, source);
      if (comment) putComment(to, comment);
      else if (source === undefined) commentsMap(to).delete(id);
      return;
    }
    case 'meta': {
      const value = metaMap(from).get(id);
      if (value === undefined) metaMap(to).delete(id);
      else if (!(value instanceof Y.AbstractType) && metaMap(to).get(id) !== value) metaMap(to).set(id, value);
      return;
    }
  }
}

/**
 * A new document holding exactly `serverState` (applied as a remote change, so nothing of it
 * is sent back), then, as one local edit, the `carry` entries copied from `local`. Nodes are
 * copied before edges so an edge carried with its new end node keeps it.
 */
export function rebuildDoc(local: Y.Doc, serverState: Uint8Array, carry: ReadonlySet<EntryKey>): Y.Doc {
  const next = new Y.Doc();
  Y.applyUpdate(next, serverState, REMOTE_ORIGIN);
  if (carry.size > 0) {
    const ordered = [...carry].sort((a, b) => rank(a) - rank(b));
    next.transact(() => ordered.forEach((entry) => copyEntry(local, next, entry)), LOCAL_ORIGIN);
  }
  return next;
}

const rank = (entry: EntryKey): number => (entry.startsWith('nodes/') ? 0 : entry.startsWith('edges/') ? 2 : 1);

/**
 * Whether `local` holds anything `server` lacks: an item (a clock beyond the server's state
 * vector) or a deletion (a deleted range the server's delete set does not cover). Reads the
 * two documents' structs once each, without encoding them, so it is cheap enough to run on
 * every connect of a client that may not write.
 */
export function holdsMoreThan(local: Y.Doc, server: Y.Doc): boolean {
  const theirClocks = Y.decodeStateVector(Y.encodeStateVector(server));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(local))) {
    if (clock > (theirClocks.get(client) ?? 0)) return true;
  }
  const theirDeletes = Y.snapshot(server).ds.clients;
  for (const [client, ranges] of Y.snapshot(local).ds.clients) {
    const theirs = theirDeletes.get(client) ?? [];
    let next = 0;
    for (const { clock, len } of ranges) {
      // Both lists are sorted and merged: walk them together.
      let at = clock;
      while (at < clock + len) {
        while (next < theirs.length && theirs[next]!.clock + theirs[next]!.len <= at) next++;
        const range = theirs[next];
        if (!range || range.clock > at) return true;
        at = range.clock + range.len;
      }
    }
  }
  return false;
}

const quoted = (label: string, fallback: string): string => (label.trim() ? `“${label.trim().slice(0, 40)}”` : fallback);

/**
 * What a rebuild took off the screen, in a few words per entry: nodes, connections, comments
 * and sections that were on `before` and are gone or different on `after`.
 */
export function describeUndone(before: Y.Doc, after: Y.Doc): string[] {
  const was = readBoard(before);
  const now = readBoard(after);
  const out: string[] = [];
  const nodesNow = new Map(now.nodes.map((n) => [n.id, n]));
  for (const node of was.nodes) {
    const kept = nodesNow.get(node.id);
    if (!kept) out.push(`node ${quoted(node.label, node.kind)}`);
    else if (JSON.stringify(kept) !== JSON.stringify(node)) out.push(`changes to node ${quoted(node.label, node.kind)}`);
  }
  const edgesNow = new Map(now.edges.map((e) => [e.id, e]));
  for (const edge of was.edges) {
    if (JSON.stringify(edgesNow.get(edge.id)) !== JSON.stringify(edge)) out.push(`connection ${quoted(edge.label, 'between two nodes')}`);
  }
  for (const id of SECTION_IDS) {
    if ((was.sections[id] ?? '') !== (now.sections[id] ?? '')) out.push(`text in the ${SECTION_TITLES[id]} section`);
  }
  const commentsNow = new Map(now.comments.map((c) => [c.id, c]));
  for (const comment of was.comments) {
    if (JSON.stringify(commentsNow.get(comment.id)) !== JSON.stringify(comment)) out.push('a comment');
  }
  return out;
}
