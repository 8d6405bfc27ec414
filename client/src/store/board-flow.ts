import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { BoardEdge, BoardNode } from '../../../core/src';

/** Local, per-user state of a node that React Flow needs and the document never holds. */
export interface LocalNode {
  selected?: boolean;
  dragging?: boolean;
  measured?: { width?: number; height?: number };
  /** In-progress position during a local drag or resize (relative to the parent, like the doc). */
  position?: { x: number; y: number };
  /** In-progress size during a local resize. */
  size?: { width: number; height: number };
}

/** Someone else's drag in progress, from awareness. */
export interface RemoteDrag {
  x: number;
  y: number;
  color: string;
  name: string;
}

export interface ComponentNodeData extends Record<string, unknown> {
  node: BoardNode;
  /** Set while another participant drags this node (its ghost is drawn by RemoteDrags). */
  remote?: { color: string; name: string };
}
export type DesignNode = Node<ComponentNodeData, 'component' | 'area'>;

export interface FlowEdgeData extends Record<string, unknown> {
  edge: BoardEdge;
}
export type DesignEdge = Edge<FlowEdgeData, 'design'>;

export const DEFAULT_GROUP_SIZE = { width: 360, height: 240 } as const;
const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#64748b' } as const;

/**
 * Draw order: parents before their children (React Flow requires it), groups before the
 * rest at the same depth so boxes stay behind components, then by id (ids start with a time
 * stamp, so newer nodes are drawn on top). Returns, per node, whether its parent is usable:
 * a missing parent or a parent cycle (possible after concurrent edits) puts it at the top.
 */
export function drawOrder(nodes: ReadonlyMap<string, BoardNode>): { order: string[]; validParent: Set<string> } {
  const depth = new Map<string, number>();
  const validParent = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const seen = new Set<string>([id]);
    let d = 0;
    let current = nodes.get(id)?.parent;
    while (current !== undefined && nodes.has(current) && !seen.has(current)) {
      seen.add(current);
      d++;
      current = nodes.get(current)?.parent;
    }
    // A chain that ends on a node already seen is a cycle: break it at this node.
    const cyclic = current !== undefined && seen.has(current);
    const result = cyclic ? 0 : d;
    depth.set(id, result);
    return result;
  };
  for (const [id, node] of nodes) {
    if (depthOf(id) > 0 && node.parent !== undefined) validParent.add(id);
  }
  // A node whose parent was cut out of a cycle must not point at a descendant of itself.
  for (const id of [...validParent]) {
    const parent = nodes.get(id)?.parent;
    if (parent !== undefined && (depth.get(parent) ?? 0) >= (depth.get(id) ?? 0)) validParent.delete(id);
  }
  const order = [...nodes.keys()].sort((a, b) => {
    const da = validParent.has(a) ? (depth.get(a) ?? 0) : 0;
    const db = validParent.has(b) ? (depth.get(b) ?? 0) : 0;
    if (da !== db) return da - db;
    const ga = nodes.get(a)?.kind === 'group' ? 0 : 1;
    const gb = nodes.get(b)?.kind === 'group' ? 0 : 1;
    if (ga !== gb) return ga - gb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return { order, validParent };
}

/** The React Flow node for one board node; a pure function of its inputs, so it can be cached. */
export function toFlowNode(node: BoardNode, parentOk: boolean, local: LocalNode | undefined, remote: RemoteDrag | undefined): DesignNode {
  const isGroup = node.kind === 'group';
  // Someone else's drag in progress does not move the node itself (it stays where the document
  // says until their drop is written); the canvas draws a ghost at their position instead.
  const position = local?.position ?? { x: node.x, y: node.y };
  const size =
    local?.size ??
    (node.width !== undefined && node.height !== undefined
      ? { width: node.width, height: node.height }
      : isGroup
        ? DEFAULT_GROUP_SIZE
        : undefined);
  const flowNode: DesignNode = {
    id: node.id,
    type: isGroup ? 'area' : 'component',
    position,
    data: remote && !local?.dragging ? { node, remote: { color: remote.color, name: remote.name } } : { node },
    selected: local?.selected ?? false,
    dragging: local?.dragging ?? false,
  };
  if (parentOk && node.parent !== undefined) flowNode.parentId = node.parent;
  if (size) {
    flowNode.width = size.width;
    flowNode.height = size.height;
  }
  if (local?.measured) flowNode.measured = local.measured;
  return flowNode;
}

/** An edge for React Flow; its accessible name uses the nodes' names (React Flow's default would read out their ids). */
export function toFlowEdge(edge: BoardEdge, selected: boolean, sourceName = 'a component', targetName = 'a component'): DesignEdge {
  return {
    id: edge.id,
    ariaLabel: `Connection from ${sourceName} to ${targetName}${edge.label ? `: ${edge.label}` : ''}${edge.mode === 'async' ? ' (asynchronous)' : ''}`,
    type: 'design',
    source: edge.source,
    target: edge.target,
    data: { edge },
    selected,
    // Only the selected edge shows grips to drag its ends (see board/edges/reconnect.ts).
    reconnectable: selected,
    markerEnd: ARROW,
  };
}

/**
 * Caches one output per id and rebuilds it only when one of its inputs changed by identity,
 * so React Flow and the memoised node components see the very same object for every node
 * nobody touched.
 */
export class FlowCache<In extends readonly unknown[], Out> {
  private entries = new Map<string, { inputs: In; out: Out }>();

  constructor(private readonly build: (...inputs: In) => Out) {}

  get(id: string, ...inputs: In): Out {
    const entry = this.entries.get(id);
    if (entry && entry.inputs.length === inputs.length && entry.inputs.every((value, i) => value === inputs[i])) return entry.out;
    const out = this.build(...inputs);
    this.entries.set(id, { inputs, out });
    return out;
  }

  /** Forgets ids that are no longer on the board. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
