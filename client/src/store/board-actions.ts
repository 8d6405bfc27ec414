/**
 * What the user does to the board. Every write goes through core's accessors inside one
 * `doc.transact(..., LOCAL_ORIGIN)`; observers (writable false) change nothing.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import {
  BOARD_LIMITS,
  NODE_KIND_LABELS,
  patchEdge,
  patchNode,
  putEdge,
  putNode,
  removeEdges,
  removeNodes,
  type BoardNode,
  type NodeKind,
} from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';
import {
  clearLocalGeometry,
  geometry,
  selectedNodeIds,
  selectOnly,
  setEdgeSelection,
  setLocal,
  useBoardStore,
  writer,
} from './board';
import { DEFAULT_GROUP_SIZE, type DesignEdge, type DesignNode, type LocalNode } from './board-flow';
import { guideDrag } from './board-guides';
import { newId } from './ids';

/** Approximate size of a new component before React Flow measures it (see styles.css). */
const NEW_NODE_SIZE = { width: 168, height: 58 } as const;

const round = (v: number) => Math.round(v);

/**
 * React Flow's node changes: selection, measurement and in-progress positions stay local;
 * the end of a drag (or a keyboard move) and the end of a resize are written to the document.
 * A single dragged node snaps to its neighbours' edges and centres (board-guides.ts).
 * Removals are not taken from here: the Delete key is handled by `deleteSelection`.
 */
export function onNodesChange(changes: NodeChange<DesignNode>[]): void {
  const { writable } = useBoardStore.getState();
  if (writable) guideDrag(changes);
  const moved: string[] = [];
  let resized = false;
  setLocal((local) => {
    for (const change of changes) {
      if (change.type === 'select') {
        local[change.id] = { ...local[change.id], selected: change.selected };
      } else if (change.type === 'position' && writable) {
        const entry: LocalNode = { ...local[change.id] };
        if (change.position) entry.position = change.position;
        if (change.dragging !== undefined) entry.dragging = change.dragging;
        local[change.id] = entry;
        if (change.dragging === false) moved.push(change.id);
      } else if (change.type === 'dimensions' && change.dimensions) {
        const entry: LocalNode = { ...local[change.id], measured: change.dimensions };
        // Only a resize (NodeResizer) sets `resizing`; plain measurements never change the size.
        if (writable && change.resizing !== undefined) entry.size = { ...change.dimensions };
        local[change.id] = entry;
        if (change.resizing === false) resized = true;
      }
    }
  });
  if (moved.length > 0) commitMoves(moved);
  if (resized) commitGeometry();
}

export function onEdgesChange(changes: EdgeChange<DesignEdge>[]): void {
  let next: Set<string> | null = null;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    next ??= new Set(useBoardStore.getState().edgeSelection);
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  if (next) setEdgeSelection(next);
}

/**
 * Writes the final positions of moved nodes. A node whose centre now lies in a group joins
 * it (the innermost one); a node dragged out of its group leaves it; either way its position
 * is converted to be relative to the new parent.
 */
export function commitMoves(ids: readonly string[]): void {
  const s = writer();
  if (!s) return clearLocalGeometry(ids);
  const geo = geometry(s);
  const moving = new Set(ids);
  s.doc.transact(() => {
    for (const id of ids) {
      const rel = geo.relative(id);
      const abs = geo.absolute(id);
      if (!rel || !abs) continue;
      const current = geo.parentOf(id);
      // A child that moved along with its moving group keeps its place in it.
      let ancestorMoving = false;
      for (let p = current; p !== undefined; p = geo.parentOf(p)) if (moving.has(p)) ancestorMoving = true;
      if (!ancestorMoving) {
        const size = geo.size(id);
        const centre = { x: abs.x + size.width / 2, y: abs.y + size.height / 2 };
        const target = geo.groupAt(centre, new Set([id]), s.order);
        if (target !== current) {
          const origin = target ? (geo.absolute(target) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
          patchNode(s.doc, id, { x: round(abs.x - origin.x), y: round(abs.y - origin.y), parent: target ?? null });
          continue;
        }
      }
      patchNode(s.doc, id, { x: round(rel.x), y: round(rel.y) });
    }
  }, LOCAL_ORIGIN);
  clearLocalGeometry(ids);
}

/** Writes the outcome of a resize: the size, and positions the resize changed (top/left handles). */
export function commitGeometry(): void {
  const s = useBoardStore.getState();
  const pending = Object.entries(s.local).filter(([, l]) => l.size || (l.position && !l.dragging));
  const w = writer();
  if (w && pending.length > 0) {
    w.doc.transact(() => {
      for (const [id, l] of pending) {
        patchNode(w.doc, id, {
          ...(l.position ? { x: round(l.position.x), y: round(l.position.y) } : {}),
          ...(l.size ? { width: round(l.size.width), height: round(l.size.height) } : {}),
        });
      }
    }, LOCAL_ORIGIN);
  }
  clearLocalGeometry(pending.map(([id]) => id));
}

function freshLabel(kind: NodeKind, nodes: ReadonlyMap<string, BoardNode>): string {
  const base = kind === 'group' ? 'Group' : NODE_KIND_LABELS[kind];
  const taken = new Set([...nodes.values()].map((n) => n.label));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** Space kept between a component added by click and those already on the board. */
const GAP = 24;

/**
 * Adds a node centred on `centre` (flow coordinates), inside the group under that point if
 * any. With `stagger` (click-to-add), the node goes to the nearest free spot around `centre`:
 * rings of node-sized cells, so it never lands on or half over another component.
 */
export function addNode(kind: NodeKind, centre: { x: number; y: number }, options: { stagger?: boolean } = {}): string | null {
  const s = writer();
  if (!s) return null;
  const geo = geometry(s);
  const size = kind === 'group' ? DEFAULT_GROUP_SIZE : NEW_NODE_SIZE;
  let corner = { x: round(centre.x - size.width / 2), y: round(centre.y - size.height / 2) };
  if (options.stagger) {
    const rects = s.order.flatMap((id) => {
      const r = s.nodes.get(id)?.kind === 'group' ? null : geo.rect(id);
      return r ? [r] : [];
    });
    const free = (p: { x: number; y: number }) =>
      !rects.some((r) => p.x < r.x + r.width + GAP && r.x < p.x + size.width + GAP && p.y < r.y + r.height + GAP && r.y < p.y + size.height + GAP);
    const step = { x: size.width + GAP, y: size.height + GAP };
    // Cells ring by ring, nearest first; at equal distance to the right, then below (reading order).
    const cells: { dx: number; dy: number }[] = [];
    for (let dy = -6; dy <= 6; dy++) for (let dx = -6; dx <= 6; dx++) cells.push({ dx, dy });
    const distance = (c: { dx: number; dy: number }) => Math.hypot(c.dx * step.x, c.dy * step.y);
    cells.sort((a, b) => distance(a) - distance(b) || b.dx - a.dx || b.dy - a.dy);
    const start = corner;
    const spot = cells.map((c) => ({ x: start.x + c.dx * step.x, y: start.y + c.dy * step.y })).find(free);
    if (spot) corner = spot;
  }
  const parent = geo.groupAt({ x: corner.x + size.width / 2, y: corner.y + size.height / 2 }, new Set(), s.order);
  const origin = parent ? (geo.absolute(parent) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
  const node: BoardNode = {
    id: newId('n'),
    kind,
    label: freshLabel(kind, s.nodes),
    x: corner.x - origin.x,
    y: corner.y - origin.y,
    notes: '',
    props: {},
    ...(parent ? { parent } : {}),
    ...(kind === 'group' ? { ...DEFAULT_GROUP_SIZE } : {}),
  };
  s.doc.transact(() => putNode(s.doc, node), LOCAL_ORIGIN);
  selectOnly([node.id]);
  return node.id;
}

export function renameNode(id: string, label: string): void {
  const s = writer();
  const next = label.trim().slice(0, BOARD_LIMITS.maxLabelLength);
  if (!s || next.length === 0 || s.nodes.get(id)?.label === next) return;
  s.doc.transact(() => patchNode(s.doc, id, { label: next }), LOCAL_ORIGIN);
}

/** A new edge, synchronous by default. A self-loop or a repeat of an existing edge is ignored. */
export function connectNodes(source: string, target: string): void {
  const s = writer();
  if (!s || source === target || !s.nodes.has(source) || !s.nodes.has(target)) return;
  for (const edge of s.edges.values()) if (edge.source === source && edge.target === target) return;
  s.doc.transact(() => putEdge(s.doc, { id: newId('e'), source, target, label: '', mode: 'sync' }), LOCAL_ORIGIN);
}

/**
 * Gives an edge new ends (one of them usually unchanged), as when a user drags an edge's end
 * to another node. A self-loop, a repeat of another edge or an unknown node is refused, and
 * the edge stays as it was.
 */
export function reconnectEdge(id: string, source: string, target: string): void {
  const s = writer();
  const edge = s?.edges.get(id);
  if (!s || !edge || source === target || !s.nodes.has(source) || !s.nodes.has(target)) return;
  if (edge.source === source && edge.target === target) return;
  for (const other of s.edges.values()) if (other.id !== id && other.source === source && other.target === target) return;
  s.doc.transact(() => patchEdge(s.doc, id, { source, target }), LOCAL_ORIGIN);
}

export function setEdgeLabel(id: string, label: string): void {
  const s = writer();
  const next = label.trim().slice(0, BOARD_LIMITS.maxLabelLength);
  if (!s || s.edges.get(id)?.label === next) return;
  s.doc.transact(() => patchEdge(s.doc, id, { label: next }), LOCAL_ORIGIN);
}

export function toggleEdgeMode(id: string): void {
  const s = writer();
  const edge = s?.edges.get(id);
  if (!s || !edge) return;
  s.doc.transact(() => patchEdge(s.doc, id, { mode: edge.mode === 'sync' ? 'async' : 'sync' }), LOCAL_ORIGIN);
}

/**
 * Deletes the selected nodes and edges (and edges touching deleted nodes). Children of a
 * deleted group stay on the board: they move up to the nearest surviving ancestor with
 * their on-screen position kept.
 */
export function deleteSelection(): void {
  const s = writer();
  if (!s) return;
  const nodeIds = selectedNodeIds(s);
  const edgeIds = [...s.edgeSelection];
  if (nodeIds.length === 0 && edgeIds.length === 0) return;
  const gone = new Set(nodeIds);
  const geo = geometry(s);
  s.doc.transact(() => {
    for (const id of s.order) {
      const parent = geo.parentOf(id);
      if (gone.has(id) || parent === undefined || !gone.has(parent)) continue;
      let heir: string | undefined = parent;
      while (heir !== undefined && gone.has(heir)) heir = geo.parentOf(heir);
      const abs = geo.absolute(id);
      const origin = heir ? geo.absolute(heir) : { x: 0, y: 0 };
      if (abs && origin) patchNode(s.doc, id, { x: round(abs.x - origin.x), y: round(abs.y - origin.y), parent: heir ?? null });
    }
    removeNodes(s.doc, gone);
    removeEdges(s.doc, edgeIds);
  }, LOCAL_ORIGIN);
}

/** Changes a component's kind; a group cannot become a component or the other way round. */
export function setNodeKind(id: string, kind: NodeKind): void {
  const s = writer();
  const node = s?.nodes.get(id);
  if (!s || !node || node.kind === kind || node.kind === 'group' || kind === 'group') return;
  s.doc.transact(() => patchNode(s.doc, id, { kind }), LOCAL_ORIGIN);
}

/** Sets (or, with an empty value, clears) one per-kind property such as a database's engine. */
export function setNodeProp(id: string, key: string, value: string): void {
  const s = writer();
  const node = s?.nodes.get(id);
  if (!s || !node || (node.props[key] ?? '') === value) return;
  const props = { ...node.props };
  if (value) props[key] = value;
  else delete props[key];
  s.doc.transact(() => patchNode(s.doc, id, { props }), LOCAL_ORIGIN);
}
