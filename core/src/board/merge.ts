import type * as Y from 'yjs';
import { uniqueId } from '../designdoc/ids';
import { BOARD_LIMITS, type Board, type BoardEdge, type BoardNode } from './schema';
import { SECTION_IDS } from './sections';
import { edgesMap, nodesMap, putEdge, putNode, readBoard, sectionText } from './ydoc';

/** Gap kept between what the board holds and what a merge adds below it. */
export const MERGE_GAP = 120;

/** Thrown before anything is written when a merge would take the board past its limits. */
export class MergeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeLimitError';
  }
}

/** What a merge adds: the incoming nodes and edges with the ids and positions they get, and the sections text appended. */
export interface MergePlan {
  nodes: BoardNode[];
  edges: BoardEdge[];
  /** Text to append per section (already prefixed with a blank line when the section has text). */
  sections: Board['sections'];
}

/**
 * Plans adding `incoming` to `current`: node and edge ids that collide get fresh ones (parents
 * and edge ends follow), top-level nodes move below the current drawing so nothing lands on top
 * of it, and section texts are appended. `taken` adds ids the document holds but the board
 * omits (entries that did not validate still own their key). Throws {@link MergeLimitError} when the result would
 * exceed the board limits.
 */
export function planMerge(
  current: Board,
  incoming: Board,
  taken: { nodes: Iterable<string>; edges: Iterable<string> } = { nodes: [], edges: [] },
): MergePlan {
  if (current.nodes.length + incoming.nodes.length > BOARD_LIMITS.maxNodes) {
    throw new MergeLimitError(
      `the board has ${current.nodes.length} nodes and the import ${incoming.nodes.length}; together they exceed the limit of ${BOARD_LIMITS.maxNodes}`,
    );
  }
  if (current.edges.length + incoming.edges.length > BOARD_LIMITS.maxEdges) {
    throw new MergeLimitError(
      `the board has ${current.edges.length} edges and the import ${incoming.edges.length}; together they exceed the limit of ${BOARD_LIMITS.maxEdges}`,
    );
  }
  const takenNodes = new Set([...current.nodes.map((n) => n.id), ...taken.nodes]);
  const nodeIds = new Map<string, string>();
  for (const node of incoming.nodes) {
    const id = uniqueId(node.id, takenNodes);
    takenNodes.add(id);
    nodeIds.set(node.id, id);
  }
  const takenEdges = new Set([...current.edges.map((e) => e.id), ...taken.edges]);
  const edges = incoming.edges.map((edge): BoardEdge => {
    const id = uniqueId(edge.id, takenEdges);
    takenEdges.add(id);
    return { ...edge, id, source: nodeIds.get(edge.source) ?? edge.source, target: nodeIds.get(edge.target) ?? edge.target };
  });

  const dy = offsetBelow(current, incoming);
  const nodes = incoming.nodes.map((node): BoardNode => {
    const moved: BoardNode = { ...node, id: nodeIds.get(node.id) ?? node.id, props: { ...node.props } };
    if (node.parent !== undefined && nodeIds.has(node.parent)) moved.parent = nodeIds.get(node.parent);
    else {
      delete moved.parent;
      moved.y = node.y + dy.y;
      moved.x = node.x + dy.x;
    }
    return moved;
  });

  const sections: Board['sections'] = {};
  for (const id of SECTION_IDS) {
    const add = incoming.sections[id]?.trim() ?? '';
    if (add === '') continue;
    const have = current.sections[id] ?? '';
    const text = have.trim() === '' ? add : `${have.endsWith('\n') ? '\n' : '\n\n'}${add}`;
    if (have.length + text.length > BOARD_LIMITS.maxSectionLength) {
      throw new MergeLimitError(`section "${id}" would have more than ${BOARD_LIMITS.maxSectionLength} characters after the merge`);
    }
    sections[id] = text;
  }
  return { nodes, edges, sections };
}

/** The shift that puts the incoming top-level nodes' top-left corner below the current drawing, left-aligned with it. */
function offsetBelow(current: Board, incoming: Board): { x: number; y: number } {
  const top = current.nodes.filter((n) => n.parent === undefined);
  const inTop = incoming.nodes.filter((n) => n.parent === undefined);
  if (top.length === 0 || inTop.length === 0) return { x: 0, y: 0 };
  const bottom = Math.max(...top.map((n) => n.y + (n.height ?? 60)));
  const left = Math.min(...top.map((n) => n.x));
  const inTopY = Math.min(...inTop.map((n) => n.y));
  const inLeft = Math.min(...inTop.map((n) => n.x));
  return { x: left - inLeft, y: bottom + MERGE_GAP - inTopY };
}

/**
 * Adds `board` to the document in one transaction (one undo step for a client's UndoManager
 * tracking `origin`): see {@link planMerge}. Existing content is never rewritten; the board's
 * meta is kept. Returns what was added.
 */
export function mergeBoard(doc: Y.Doc, board: Board, origin: unknown): MergePlan {
  // Every key counts as taken, even one whose value does not validate, so nothing is overwritten.
  const plan = planMerge(readBoard(doc), board, { nodes: nodesMap(doc).keys(), edges: edgesMap(doc).keys() });
  doc.transact(() => {
    for (const node of plan.nodes) putNode(doc, node);
    for (const edge of plan.edges) putEdge(doc, edge);
    for (const id of SECTION_IDS) {
      const text = plan.sections[id];
      if (text === undefined) continue;
      const ytext = sectionText(doc, id);
      ytext.insert(ytext.length, text);
    }
  }, origin);
  return plan;
}
