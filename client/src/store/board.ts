/**
 * The board as React sees it: a zustand projection of the session's Y.Doc.
 *
 * Coordinates: a node's `x`/`y` in the document are relative to its parent group when it has
 * one (`parent`), absolute otherwise — exactly React Flow's `parentId` convention, so positions
 * go between the document and the canvas unchanged. Changing a node's group (drop into or out
 * of a group, deleting its group) converts its position in the same transaction.
 *
 * Projection: one full read when a document is bound, then `observeDeep` on the nodes and
 * edges maps re-reads only the entries whose keys changed, keeping every other object as it
 * was; `FlowCache` then rebuilds only the React Flow nodes whose inputs changed, so memoised
 * node components re-render only for their own changes. Every transaction is projected,
 * local ones included: the document stays the single source of truth. This user's own edits
 * are projected as soon as their transaction ends; remote ones are collected and projected
 * once per animation frame (change-batch.ts), so a burst of updates renders once.
 *
 * React Flow's own state (selection, dragging, measured size, the in-progress position of a
 * drag or resize) lives in `local` and never reaches the document. Writes go through core's
 * accessors inside `doc.transact(..., LOCAL_ORIGIN)`; a drag writes its position when it ends.
 */
import * as Y from 'yjs';
import { create } from 'zustand';
import {
  edgesMap,
  NODE_KIND_LABELS,
  nodesMap,
  readEdge,
  readNode,
  type BoardEdge,
  type BoardNode,
  type YEdge,
  type YNode,
} from '../../../core/src';
import {
  drawOrder,
  FlowCache,
  toFlowEdge,
  toFlowNode,
  type DesignEdge,
  type DesignNode,
  type LocalNode,
  type RemoteDrag,
} from './board-flow';
import { LOCAL_ORIGIN } from '../sync/origins';
import { BoardGeometry } from './board-geometry';
import { ChangeBatch } from './change-batch';

export type Editing = { type: 'node' | 'edge'; id: string } | null;

export interface BoardState {
  doc: Y.Doc | null;
  /** False for observers (and until the role is known): every write action is a no-op. */
  writable: boolean;
  nodes: ReadonlyMap<string, BoardNode>;
  edges: ReadonlyMap<string, BoardEdge>;
  order: readonly string[];
  validParent: ReadonlySet<string>;
  local: Readonly<Record<string, LocalNode>>;
  edgeSelection: ReadonlySet<string>;
  remoteDrags: Readonly<Record<string, RemoteDrag>>;
  flowNodes: DesignNode[];
  flowEdges: DesignEdge[];
  editing: Editing;
}

const nodeCache = new FlowCache(toFlowNode);
const edgeCache = new FlowCache(toFlowEdge);
/** Changes of the bound document not projected yet. */
let pending: ChangeBatch | null = null;

const EMPTY = {
  doc: null,
  nodes: new Map<string, BoardNode>(),
  edges: new Map<string, BoardEdge>(),
  order: [],
  validParent: new Set<string>(),
  local: {},
  edgeSelection: new Set<string>(),
  remoteDrags: {},
  flowNodes: [],
  flowEdges: [],
  editing: null,
} satisfies Omit<BoardState, 'writable'>;

export const useBoardStore = create<BoardState>(() => ({ ...EMPTY, writable: false }));

type Inputs = Pick<BoardState, 'nodes' | 'order' | 'validParent' | 'local' | 'remoteDrags'>;

function deriveNodes(s: Inputs): DesignNode[] {
  const out: DesignNode[] = [];
  for (const id of s.order) {
    const node = s.nodes.get(id);
    if (node) out.push(nodeCache.get(id, node, s.validParent.has(id), s.local[id], s.remoteDrags[id]));
  }
  return out;
}

/** What a screen reader says for a node in an edge's label: its name, or its kind; never its internal id. */
const nodeName = (node: BoardNode | undefined): string => (node ? node.label.trim() || NODE_KIND_LABELS[node.kind] : 'a component');

function deriveEdges(s: Pick<BoardState, 'nodes' | 'edges' | 'edgeSelection'>): DesignEdge[] {
  const out: DesignEdge[] = [];
  const ids = [...s.edges.keys()].sort();
  for (const id of ids) {
    const edge = s.edges.get(id);
    if (edge && s.nodes.has(edge.source) && s.nodes.has(edge.target)) {
      out.push(edgeCache.get(id, edge, s.edgeSelection.has(id), nodeName(s.nodes.get(edge.source)), nodeName(s.nodes.get(edge.target))));
    }
  }
  return out;
}

/** Updates local node state and re-derives the canvas nodes. */
export function setLocal(update: (local: Record<string, LocalNode>) => void): void {
  const s = useBoardStore.getState();
  const local = { ...s.local };
  update(local);
  useBoardStore.setState({ local, flowNodes: deriveNodes({ ...s, local }) });
}

function keysChanged(events: Y.YEvent<Y.AbstractType<unknown>>[], root: Y.AbstractType<unknown>): Set<string> {
  const changed = new Set<string>();
  for (const event of events) {
    if (event.target === root) for (const key of event.changes.keys.keys()) changed.add(key);
    else if (typeof event.path[0] === 'string') changed.add(event.path[0]);
  }
  return changed;
}

/**
 * Projects `doc` into the store until the returned function is called. Only one board is
 * bound at a time (one per page).
 */
export function bindBoard(doc: Y.Doc): () => void {
  const ynodes = nodesMap(doc);
  const yedges = edgesMap(doc);
  nodeCache.clear();
  edgeCache.clear();

  const nodes = new Map<string, BoardNode>();
  for (const [id, ynode] of ynodes.entries()) {
    const node = readNode(id, ynode);
    if (node) nodes.set(id, node);
  }
  const edges = new Map<string, BoardEdge>();
  for (const [id, yedge] of yedges.entries()) {
    const edge = readEdge(id, yedge);
    if (edge) edges.set(id, edge);
  }
  const { order, validParent } = drawOrder(nodes);
  const base = { ...EMPTY, doc, nodes, edges, order, validParent };
  useBoardStore.setState({ ...base, flowNodes: deriveNodes(base), flowEdges: deriveEdges(base) });

  const changes = new ChangeBatch((nodeKeys, edgeKeys) => project(ynodes, yedges, nodeKeys, edgeKeys));
  pending = changes;
  const onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => changes.add('nodes', keysChanged(events, ynodes as Y.AbstractType<unknown>));
  const onEdges = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => changes.add('edges', keysChanged(events, yedges as Y.AbstractType<unknown>));
  // Runs after the transaction's observers, so one transaction is projected in one go.
  const onTransaction = (transaction: Y.Transaction) => changes.commit(isOwnEdit(transaction.origin));

  ynodes.observeDeep(onNodes);
  yedges.observeDeep(onEdges);
  doc.on('afterTransaction', onTransaction);
  return () => {
    ynodes.unobserveDeep(onNodes);
    yedges.unobserveDeep(onEdges);
    doc.off('afterTransaction', onTransaction);
    changes.dispose();
    if (pending === changes) pending = null;
    nodeCache.clear();
    edgeCache.clear();
    useBoardStore.setState({ ...EMPTY });
  };
}

/** This user's edits and their undo/redo: projected at once. Anything else waits for a frame. */
function isOwnEdit(origin: unknown): boolean {
  return origin === LOCAL_ORIGIN || origin instanceof Y.UndoManager;
}

/**
 * Re-reads the changed nodes and edges from the document into the store, in one update. Every
 * other node and edge keeps its object, so the flow caches hand React Flow the very same
 * objects for them; the edge list is rebuilt only when edges changed or nodes came or went.
 */
function project(ynodes: Y.Map<YNode>, yedges: Y.Map<YEdge>, nodeKeys: ReadonlySet<string>, edgeKeys: ReadonlySet<string>): void {
  const s = useBoardStore.getState();
  let { nodes, order, validParent, local, editing, edges, edgeSelection } = s;
  let membership = false;

  if (nodeKeys.size > 0) {
    const next = new Map(nodes);
    let structure = false;
    for (const id of nodeKeys) {
      const before = next.get(id);
      const node = readNode(id, ynodes.get(id));
      if (node) next.set(id, node);
      else next.delete(id);
      if (!before !== !node) membership = true;
      if (!before || !node || before.parent !== node.parent || before.kind !== node.kind) structure = true;
    }
    nodes = next;
    if (structure) {
      ({ order, validParent } = drawOrder(next));
      nodeCache.retain(new Set(next.keys()));
    }
    if ([...nodeKeys].some((id) => !next.has(id) && id in local)) {
      const kept = { ...local };
      for (const id of nodeKeys) if (!next.has(id)) delete kept[id];
      local = kept;
    }
    if (editing?.type === 'node' && !next.has(editing.id)) editing = null;
  }

  if (edgeKeys.size > 0) {
    const next = new Map(edges);
    let selection: Set<string> | null = null;
    for (const id of edgeKeys) {
      const edge = readEdge(id, yedges.get(id));
      if (edge) next.set(id, edge);
      else {
        next.delete(id);
        if (edgeSelection.has(id)) (selection ??= new Set(edgeSelection)).delete(id);
      }
    }
    edges = next;
    if (selection) edgeSelection = selection;
    edgeCache.retain(new Set(next.keys()));
    if (editing?.type === 'edge' && !next.has(editing.id)) editing = null;
  }

  const state = { ...s, nodes, order, validParent, local, editing, edges, edgeSelection };
  useBoardStore.setState({
    nodes,
    order,
    validParent,
    local,
    editing,
    edges,
    edgeSelection,
    flowNodes: nodeKeys.size > 0 ? deriveNodes(state) : s.flowNodes,
    flowEdges: edgeKeys.size > 0 || membership ? deriveEdges(state) : s.flowEdges,
  });
}

export function setWritable(writable: boolean): void {
  if (useBoardStore.getState().writable !== writable) useBoardStore.setState({ writable, ...(writable ? {} : { editing: null }) });
}

/** Other participants' drags in progress (from awareness), keyed by node id. */
export function setRemoteDrags(remoteDrags: Record<string, RemoteDrag>): void {
  const s = useBoardStore.getState();
  useBoardStore.setState({ remoteDrags, flowNodes: deriveNodes({ ...s, remoteDrags }) });
}

/**
 * The state for a write, or null when there is no board or this user may not change it.
 * Remote changes still waiting for their frame are projected first, so the write is computed
 * from the board as it is (a group moved by someone else a moment ago, say).
 */
export function writer(): (BoardState & { doc: Y.Doc }) | null {
  pending?.flush();
  const s = useBoardStore.getState();
  return s.doc && s.writable ? (s as BoardState & { doc: Y.Doc }) : null;
}

export function geometry(s: BoardState = useBoardStore.getState()): BoardGeometry {
  return new BoardGeometry(s.nodes, s.local, s.validParent);
}

/** Replaces the set of selected edges. */
export function setEdgeSelection(edgeSelection: ReadonlySet<string>): void {
  const s = useBoardStore.getState();
  useBoardStore.setState({ edgeSelection, flowEdges: deriveEdges({ ...s, edgeSelection }) });
}

export function startEditing(editing: Editing): void {
  const s = useBoardStore.getState();
  if (s.writable || editing === null) useBoardStore.setState({ editing });
}

/** The ids of the selected nodes. */
export function selectedNodeIds(s: BoardState = useBoardStore.getState()): string[] {
  return s.order.filter((id) => s.local[id]?.selected);
}

export function clearLocalGeometry(ids: Iterable<string>): void {
  setLocal((local) => {
    for (const id of ids) {
      const entry = local[id];
      if (!entry) continue;
      const { position: _p, size: _s, ...rest } = entry;
      local[id] = rest;
    }
  });
}

/** Makes exactly `ids` the selected nodes (and no edge). */
export function selectOnly(ids: readonly string[]): void {
  const want = new Set(ids);
  setLocal((local) => {
    for (const id of Object.keys(local)) if (local[id]?.selected && !want.has(id)) local[id] = { ...local[id], selected: false };
    for (const id of want) local[id] = { ...local[id], selected: true };
  });
  if (useBoardStore.getState().edgeSelection.size > 0) setEdgeSelection(new Set());
}
