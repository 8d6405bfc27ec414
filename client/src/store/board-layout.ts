/**
 * Auto-layout with elkjs (layered, left to right) of the top-level nodes; a group moves as a
 * box with its children inside. Positions animate locally for ~300 ms, then the final ones are
 * written in ONE LOCAL_ORIGIN transaction, so a single undo reverts the whole layout.
 */
import type { ELK } from 'elkjs/lib/elk-api';
import { patchNode } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';
import { clearLocalGeometry, geometry, setLocal, useBoardStore } from './board';
import { stopCapturing } from './board-history';

const ANIMATION_MS = 300;
let elk: ELK | null = null;

/** Final top-level positions from ELK, keyed by node id. */
export async function computeLayout(): Promise<Map<string, { x: number; y: number }>> {
  const s = useBoardStore.getState();
  const geo = geometry(s);
  const top = s.order.filter((id) => geo.parentOf(id) === undefined);
  const topOf = (id: string): string => {
    let current = id;
    for (let p = geo.parentOf(current); p !== undefined; p = geo.parentOf(p)) current = p;
    return current;
  };
  const seen = new Set<string>();
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const edge of s.edges.values()) {
    if (!s.nodes.has(edge.source) || !s.nodes.has(edge.target)) continue;
    const a = topOf(edge.source);
    const b = topOf(edge.target);
    if (a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    edges.push({ id: edge.id, sources: [a], targets: [b] });
  }
  // elkjs is large: loaded on first use only.
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.componentComponent': '64',
    },
    children: top.map((id) => ({ id, ...geo.size(id) })),
    edges,
  });
  const out = new Map<string, { x: number; y: number }>();
  for (const child of graph.children ?? []) out.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return out;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Lays out the board, animating, and resolves once the final positions are written. */
export async function autoLayout(): Promise<void> {
  const s0 = useBoardStore.getState();
  if (!s0.doc || !s0.writable || s0.nodes.size === 0) return;
  const target = await computeLayout();
  const start = new Map<string, { x: number; y: number }>();
  for (const id of target.keys()) {
    const node = useBoardStore.getState().nodes.get(id);
    if (node) start.set(id, { x: node.x, y: node.y });
  }
  await new Promise<void>((resolve) => {
    const began = performance.now();
    const frame = (now: number) => {
      const t = Math.min(1, (now - began) / ANIMATION_MS);
      const k = ease(t);
      setLocal((local) => {
        for (const [id, from] of start) {
          const to = target.get(id)!;
          local[id] = { ...local[id], position: { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k } };
        }
      });
      if (t < 1) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  const s = useBoardStore.getState();
  if (s.doc && s.writable) {
    const doc = s.doc;
    stopCapturing();
    doc.transact(() => {
      for (const [id, p] of target) if (s.nodes.has(id)) patchNode(doc, id, p);
    }, LOCAL_ORIGIN);
    stopCapturing();
  }
  clearLocalGeometry(start.keys());
}
