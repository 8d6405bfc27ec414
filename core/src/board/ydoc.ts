import * as Y from 'yjs';
import {
  boardEdgeSchema,
  boardMetaSchema,
  boardNodeSchema,
  commentSchema,
  type Board,
  type BoardComment,
  type BoardEdge,
  type BoardMeta,
  type BoardNode,
} from './schema';
import { SECTION_IDS, type SectionId } from './sections';

/*
 * The board's layout inside a Y.Doc. Nodes and edges are Y.Maps of nested Y.Maps so that two
 * people changing different properties of one node both keep their change. Sections are
 * top-level Y.Texts: a top-level type is merged by name, so two clients that both "create" a
 * section offline can never shadow each other's text (a nested Y.Text set under one key could).
 */

export type YNode = Y.Map<unknown>;
export type YEdge = Y.Map<unknown>;

export const nodesMap = (doc: Y.Doc): Y.Map<YNode> => doc.getMap('nodes');
export const edgesMap = (doc: Y.Doc): Y.Map<YEdge> => doc.getMap('edges');
export const commentsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('comments');
export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const sectionText = (doc: Y.Doc, id: SectionId): Y.Text => doc.getText(`section:${id}`);

/** Top-level names a client update may touch; anything else is refused by the server. */
export const ROOT_TYPE_NAMES: ReadonlySet<string> = new Set([
  'nodes',
  'edges',
  'comments',
  'meta',
  ...SECTION_IDS.map((id) => `section:${id}`),
]);

const NODE_SCALARS = ['kind', 'label', 'x', 'y', 'width', 'height', 'parent'] as const;
/** A node's keys that only place it on the canvas: a change to these alone means nothing to a reviewer. */
export const LAYOUT_KEYS: ReadonlySet<string> = new Set(['x', 'y', 'width', 'height']);
const EDGE_SCALARS = ['source', 'target', 'label', 'mode'] as const;

function plain(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    out[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  }
  return out;
}

/** Reads one node, or null when what the document holds is not a valid node. */
export function readNode(id: string, ynode: unknown): BoardNode | null {
  if (!(ynode instanceof Y.Map)) return null;
  const parsed = boardNodeSchema.safeParse({ ...plain(ynode), id });
  return parsed.success ? parsed.data : null;
}

export function readEdge(id: string, yedge: unknown): BoardEdge | null {
  if (!(yedge instanceof Y.Map)) return null;
  const parsed = boardEdgeSchema.safeParse({ ...plain(yedge), id });
  return parsed.success ? parsed.data : null;
}

export function readComment(id: string, ycomment: unknown): BoardComment | null {
  if (!(ycomment instanceof Y.Map)) return null;
  const parsed = commentSchema.safeParse({ ...plain(ycomment), id });
  return parsed.success ? parsed.data : null;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const parsed = boardMetaSchema.safeParse(plain(metaMap(doc)));
  return parsed.success ? parsed.data : {};
}

/**
 * The board as plain data. Entries that do not validate are skipped rather than thrown on,
 * so one bad value can never make the whole board unreadable. Edges whose ends are missing
 * are skipped too (a concurrent delete can leave them behind for a moment).
 */
export function readBoard(doc: Y.Doc): Board {
  const nodes: BoardNode[] = [];
  for (const [id, ynode] of nodesMap(doc).entries()) {
    const node = readNode(id, ynode);
    if (node) nodes.push(node);
  }
  nodes.sort(compareById);
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) if (node.parent && !ids.has(node.parent)) delete node.parent;

  const edges: BoardEdge[] = [];
  for (const [id, yedge] of edgesMap(doc).entries()) {
    const edge = readEdge(id, yedge);
    if (edge && ids.has(edge.source) && ids.has(edge.target)) edges.push(edge);
  }
  edges.sort(compareById);

  const sections: Board['sections'] = {};
  for (const id of SECTION_IDS) {
    const text = sectionText(doc, id).toString();
    if (text.length > 0) sections[id] = text;
  }

  const comments: BoardComment[] = [];
  for (const [id, ycomment] of commentsMap(doc).entries()) {
    const comment = readComment(id, ycomment);
    if (comment) comments.push(comment);
  }
  comments.sort((a, b) => a.createdAt - b.createdAt || compareById(a, b));

  return { meta: readMeta(doc), nodes, edges, sections, comments };
}

function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

/**
 * Replaces a Y.Text's content with `next` by editing only the span that differs, so a
 * concurrent edit elsewhere in the same text survives (a delete-all + insert would not).
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const maxStart = Math.min(current.length, next.length);
  while (start < maxStart && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent > start) text.delete(start, endCurrent - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

function writeNodeFields(ynode: YNode, node: BoardNode): void {
  for (const key of NODE_SCALARS) setIfChanged(ynode, key, node[key]);
  let notes = ynode.get('notes');
  if (!(notes instanceof Y.Text)) {
    notes = new Y.Text();
    ynode.set('notes', notes);
  }
  replaceText(notes as Y.Text, node.notes);
  let props = ynode.get('props');
  if (!(props instanceof Y.Map)) {
    props = new Y.Map<unknown>();
    ynode.set('props', props);
  }
  const yprops = props as Y.Map<unknown>;
  for (const key of [...yprops.keys()]) if (!(key in node.props)) yprops.delete(key);
  for (const [key, value] of Object.entries(node.props)) setIfChanged(yprops, key, value);
}

/** Adds a node, or updates every field of an existing node with the same id. */
export function putNode(doc: Y.Doc, node: BoardNode): void {
  const nodes = nodesMap(doc);
  let ynode = nodes.get(node.id);
  if (!(ynode instanceof Y.Map)) {
    ynode = new Y.Map<unknown>();
    nodes.set(node.id, ynode);
  }
  writeNodeFields(ynode, node);
}

export type NodePatch = Partial<Omit<BoardNode, 'id' | 'notes' | 'props' | 'parent'>> & {
  notes?: string;
  props?: Record<string, string>;
  /** `null` removes the node from its group. */
  parent?: string | null;
};

/** Changes only the given fields of a node; a missing node is ignored (it was deleted concurrently). */
export function patchNode(doc: Y.Doc, id: string, patch: NodePatch): void {
  const ynode = nodesMap(doc).get(id);
  if (!(ynode instanceof Y.Map)) return;
  const current = readNode(id, ynode);
  if (!current) return;
  const { parent, ...rest } = patch;
  const next: BoardNode = { ...current, ...rest, id };
  if (parent === null) delete next.parent;
  else if (parent !== undefined) next.parent = parent;
  writeNodeFields(ynode, next);
}

/** Deletes nodes, the edges touching them, and detaches their children. */
export function removeNodes(doc: Y.Doc, ids: Iterable<string>): void {
  const gone = new Set(ids);
  const nodes = nodesMap(doc);
  const edges = edgesMap(doc);
  for (const id of gone) nodes.delete(id);
  for (const [edgeId, yedge] of edges.entries()) {
    if (gone.has(String(yedge.get('source'))) || gone.has(String(yedge.get('target')))) edges.delete(edgeId);
  }
  for (const ynode of nodes.values()) {
    const parent = ynode.get('parent');
    if (typeof parent === 'string' && gone.has(parent)) ynode.delete('parent');
  }
}

export function putEdge(doc: Y.Doc, edge: BoardEdge): void {
  const edges = edgesMap(doc);
  let yedge = edges.get(edge.id);
  if (!(yedge instanceof Y.Map)) {
    yedge = new Y.Map<unknown>();
    edges.set(edge.id, yedge);
  }
  for (const key of EDGE_SCALARS) setIfChanged(yedge, key, edge[key]);
}

export function patchEdge(doc: Y.Doc, id: string, patch: Partial<Omit<BoardEdge, 'id'>>): void {
  const yedge = edgesMap(doc).get(id);
  if (!(yedge instanceof Y.Map)) return;
  for (const [key, value] of Object.entries(patch)) setIfChanged(yedge, key, value);
}

export function removeEdges(doc: Y.Doc, ids: Iterable<string>): void {
  const edges = edgesMap(doc);
  for (const id of ids) edges.delete(id);
}

export function putComment(doc: Y.Doc, comment: BoardComment): void {
  const comments = commentsMap(doc);
  let ycomment = comments.get(comment.id);
  if (!(ycomment instanceof Y.Map)) {
    ycomment = new Y.Map<unknown>();
    comments.set(comment.id, ycomment);
  }
  for (const [key, value] of Object.entries(comment)) if (key !== 'id') setIfChanged(ycomment, key, value);
}

export function setMeta(doc: Y.Doc, meta: BoardMeta): void {
  const map = metaMap(doc);
  for (const key of ['prompt', 'title', 'phase'] as const) setIfChanged(map, key, meta[key]);
}

/**
 * Makes the document equal to `board` in one transaction: deletes what is gone, updates what
 * changed in place, inserts what is new. Never clears and re-inserts (that duplicates content
 * when it meets another replica's history; see docs/decisions/001-yjs-document.md).
 * Comments are left alone: an imported design doc does not carry them.
 */
export function replaceBoard(doc: Y.Doc, board: Board, origin: unknown): void {
  doc.transact(() => {
    const nextNodes = new Set(board.nodes.map((n) => n.id));
    removeNodes(
      doc,
      [...nodesMap(doc).keys()].filter((id) => !nextNodes.has(id)),
    );
    for (const node of board.nodes) putNode(doc, node);

    const nextEdges = new Set(board.edges.map((e) => e.id));
    removeEdges(
      doc,
      [...edgesMap(doc).keys()].filter((id) => !nextEdges.has(id)),
    );
    for (const edge of board.edges) putEdge(doc, edge);

    for (const id of SECTION_IDS) replaceText(sectionText(doc, id), board.sections[id] ?? '');
    setMeta(doc, { ...readMeta(doc), ...board.meta });
  }, origin);
}
