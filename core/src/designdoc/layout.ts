import type { FlowDirection } from './mermaid';

/**
 * A deterministic layered layout for boards whose file carries no positions, so a design
 * imported over HTTP opens readable in React Flow. Longest-path layers along the flow
 * direction, one barycenter pass to reduce crossings, groups laid out inside-out and sized to
 * fit their children. Child positions are relative to their group (React Flow's `parentId`
 * convention).
 */

/** What the layout needs to know about a node. */
export interface LayoutNode {
  id: string;
  parent?: string;
  width?: number;
  height?: number;
  /** A group gets a size even when empty, so React Flow can draw its frame. */
  group?: boolean;
}

/** A computed place; `width`/`height` only for nodes that contain others. */
export interface Placement {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Default box used for spacing; React Flow measures the real size itself. */
export const LAYOUT = {
  nodeWidth: 160,
  nodeHeight: 60,
  /** Pitch between layers is ~220 px and between siblings ~120 px for default boxes. */
  layerPitch: 220,
  siblingPitch: 120,
  minSiblingGap: 40,
  groupPadding: 30,
  groupHeader: 40,
} as const;

interface Box {
  id: string;
  w: number;
  h: number;
}

/** Places every node; `edges` may name unknown ids (they are ignored). */
export function layoutBoard(
  nodes: readonly LayoutNode[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  direction: FlowDirection,
): Map<string, Placement> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | undefined, LayoutNode[]>();
  for (const node of nodes) {
    const parent = node.parent !== undefined && byId.has(node.parent) ? node.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const out = new Map<string, Placement>();
  const horizontal = direction === 'LR' || direction === 'RL';

  // Each edge orders two boxes in exactly one container: the deepest group holding both ends.
  // There it links the two children of that group that contain its ends. Computing this once
  // per edge keeps deep nesting linear.
  const chainOf = (id: string): string[] => {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let current: string | undefined = id; current !== undefined && byId.has(current) && !seen.has(current); ) {
      seen.add(current);
      chain.push(current);
      const parent: string | undefined = byId.get(current)?.parent;
      current = parent !== undefined && byId.has(parent) ? parent : undefined;
    }
    return chain.reverse();
  };
  const lifted = new Map<string | undefined, [string, string][]>();
  for (const edge of edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const s = chainOf(edge.source);
    const t = chainOf(edge.target);
    let k = 0;
    while (k < s.length && k < t.length && s[k] === t[k]) k++;
    // Same node, or one end inside the other: nothing to order.
    if (k >= s.length || k >= t.length) continue;
    const container = k === 0 ? undefined : s[k - 1];
    const list = lifted.get(container) ?? [];
    list.push([s[k] as string, t[k] as string]);
    lifted.set(container, list);
  }

  const layoutContainer = (container: string | undefined, depth: number): { w: number; h: number } => {
    const items = children.get(container) ?? [];
    const boxes: Box[] = items.map((node) => {
      // Depth guard: parent cycles were broken by the parser, this only protects direct callers.
      if ((children.get(node.id)?.length ?? 0) > 0 && depth < 64) {
        const inner = layoutContainer(node.id, depth + 1);
        const w = inner.w + 2 * LAYOUT.groupPadding;
        const h = inner.h + LAYOUT.groupPadding + LAYOUT.groupHeader;
        out.set(node.id, { x: 0, y: 0, width: w, height: h });
        return { id: node.id, w, h };
      }
      if (node.group) {
        const w = node.width ?? LAYOUT.nodeWidth + 2 * LAYOUT.groupPadding;
        const h = node.height ?? LAYOUT.nodeHeight + LAYOUT.groupPadding + LAYOUT.groupHeader;
        out.set(node.id, { x: 0, y: 0, width: w, height: h });
        return { id: node.id, w, h };
      }
      return { id: node.id, w: node.width ?? LAYOUT.nodeWidth, h: node.height ?? LAYOUT.nodeHeight };
    });
    const index = new Map(boxes.map((b, i) => [b.id, i]));
    const succ: number[][] = boxes.map(() => []);
    for (const [s, t] of lifted.get(container) ?? []) {
      const si = index.get(s);
      const ti = index.get(t);
      if (si !== undefined && ti !== undefined && !succ[si]?.includes(ti)) succ[si]?.push(ti);
    }
    const layers = orderLayers(assignLayers(succ), succ);
    const offset = container === undefined ? { x: 0, y: 0 } : { x: LAYOUT.groupPadding, y: LAYOUT.groupHeader };
    return place(boxes, layers, horizontal, direction, offset, out);
  };

  layoutContainer(undefined, 0);
  return out;
}

/** Longest-path layering; edges closing a cycle (found by DFS in document order) are ignored. */
function assignLayers(succ: readonly number[][]): number[] {
  const state = succ.map(() => 0);
  const order: number[] = [];
  const back = new Set<string>();
  const visit = (v: number): void => {
    state[v] = 1;
    for (const w of succ[v] ?? []) {
      if (state[w] === 0) visit(w);
      else if (state[w] === 1) back.add(`${v}>${w}`);
    }
    state[v] = 2;
    order.push(v);
  };
  succ.forEach((_, v) => {
    if (state[v] === 0) visit(v);
  });
  const layer = succ.map(() => 0);
  for (const v of order.reverse()) {
    for (const w of succ[v] ?? []) {
      if (!back.has(`${v}>${w}`)) layer[w] = Math.max(layer[w] ?? 0, (layer[v] ?? 0) + 1);
    }
  }
  return layer;
}

/** Groups box indexes by layer; within a layer, orders by the mean position of predecessors. */
function orderLayers(layer: readonly number[], succ: readonly number[][]): number[][] {
  const count = layer.length === 0 ? 0 : Math.max(...layer) + 1;
  const layers: number[][] = Array.from({ length: count }, () => []);
  layer.forEach((l, v) => layers[l]?.push(v));
  const preds: number[][] = layer.map(() => []);
  succ.forEach((targets, v) => targets.forEach((w) => preds[w]?.push(v)));
  const rank = new Map<number, number>();
  for (const members of layers) {
    const score = (v: number): number => {
      const ranked = (preds[v] ?? []).filter((p) => rank.has(p)).map((p) => rank.get(p) ?? 0);
      return ranked.length === 0 ? Number.POSITIVE_INFINITY : ranked.reduce((a, b) => a + b, 0) / ranked.length;
    };
    // Stable sort: ties and unconnected boxes keep document order.
    const sorted = members.map((v, i) => ({ v, i, s: score(v) })).sort((a, b) => a.s - b.s || a.i - b.i);
    members.splice(0, members.length, ...sorted.map((e) => e.v));
    members.forEach((v, i) => rank.set(v, i));
  }
  return layers;
}

function place(
  boxes: readonly Box[],
  layers: readonly number[][],
  horizontal: boolean,
  direction: FlowDirection,
  offset: { x: number; y: number },
  out: Map<string, Placement>,
): { w: number; h: number } {
  const along = (b: Box): number => (horizontal ? b.w : b.h);
  const across = (b: Box): number => (horizontal ? b.h : b.w);
  const layerGap = LAYOUT.layerPitch - (horizontal ? LAYOUT.nodeWidth : LAYOUT.nodeHeight);
  const siblingGap = Math.max(LAYOUT.minSiblingGap, LAYOUT.siblingPitch - (horizontal ? LAYOUT.nodeHeight : LAYOUT.nodeWidth));

  const layerStart: number[] = [];
  let cursor = 0;
  for (const members of layers) {
    layerStart.push(cursor);
    cursor += Math.max(0, ...members.map((v) => along(boxes[v] as Box))) + layerGap;
  }
  const totalAlong = Math.max(0, cursor - layerGap);
  const lengths = layers.map((members) => members.reduce((sum, v) => sum + across(boxes[v] as Box), 0) + siblingGap * Math.max(0, members.length - 1));
  const totalAcross = Math.max(0, ...lengths);

  layers.forEach((members, l) => {
    let pos = (totalAcross - (lengths[l] ?? 0)) / 2;
    for (const v of members) {
      const box = boxes[v] as Box;
      let a = layerStart[l] ?? 0;
      if (direction === 'RL' || direction === 'BT') a = totalAlong - a - along(box);
      const x = Math.round((horizontal ? a : pos) + offset.x);
      const y = Math.round((horizontal ? pos : a) + offset.y);
      out.set(box.id, { ...out.get(box.id), x, y });
      pos += across(box) + siblingGap;
    }
  });
  return horizontal ? { w: totalAlong, h: totalAcross } : { w: totalAcross, h: totalAlong };
}
