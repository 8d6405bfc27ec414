import type { BoardNode } from '../../../core/src';
import { DEFAULT_GROUP_SIZE, type LocalNode } from './board-flow';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size used for a node React Flow has not measured yet. */
const FALLBACK_SIZE = { width: 160, height: 56 } as const;

/**
 * Geometry over the store's view of the board, in flow coordinates. Positions in the document
 * are relative to the parent group (see store/board.ts), so absolute positions add up the chain.
 */
export class BoardGeometry {
  constructor(
    private readonly nodes: ReadonlyMap<string, BoardNode>,
    private readonly local: Readonly<Record<string, LocalNode>>,
    private readonly validParent: ReadonlySet<string>,
  ) {}

  /** The node's position relative to its parent: in-progress local position first. */
  relative(id: string): { x: number; y: number } | null {
    const node = this.nodes.get(id);
    if (!node) return null;
    return this.local[id]?.position ?? { x: node.x, y: node.y };
  }

  parentOf(id: string): string | undefined {
    return this.validParent.has(id) ? this.nodes.get(id)?.parent : undefined;
  }

  absolute(id: string): { x: number; y: number } | null {
    let pos = this.relative(id);
    if (!pos) return null;
    const seen = new Set([id]);
    for (let p = this.parentOf(id); p !== undefined && !seen.has(p); p = this.parentOf(p)) {
      seen.add(p);
      const rel = this.relative(p);
      if (!rel) break;
      pos = { x: pos.x + rel.x, y: pos.y + rel.y };
    }
    return pos;
  }

  size(id: string): { width: number; height: number } {
    const node = this.nodes.get(id);
    const local = this.local[id];
    if (local?.size) return local.size;
    if (node?.width !== undefined && node.height !== undefined) return { width: node.width, height: node.height };
    if (local?.measured?.width && local.measured.height) return { width: local.measured.width, height: local.measured.height };
    return node?.kind === 'group' ? DEFAULT_GROUP_SIZE : FALLBACK_SIZE;
  }

  rect(id: string): Rect | null {
    const pos = this.absolute(id);
    return pos ? { ...pos, ...this.size(id) } : null;
  }

  isDescendant(id: string, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let p = this.parentOf(id); p !== undefined && !seen.has(p); p = this.parentOf(p)) {
      if (p === ancestor) return true;
      seen.add(p);
    }
    return false;
  }

  depth(id: string): number {
    let d = 0;
    const seen = new Set<string>();
    for (let p = this.parentOf(id); p !== undefined && !seen.has(p); p = this.parentOf(p)) {
      seen.add(p);
      d++;
    }
    return d;
  }

  /**
   * The innermost group containing `point`, skipping `moving` and its descendants (a group
   * cannot go inside itself). Ties go to the group drawn last, i.e. the one on top.
   */
  groupAt(point: { x: number; y: number }, moving: ReadonlySet<string>, order: readonly string[]): string | undefined {
    let best: { id: string; depth: number; index: number } | undefined;
    order.forEach((id, index) => {
      if (this.nodes.get(id)?.kind !== 'group' || moving.has(id)) return;
      for (const m of moving) if (this.isDescendant(id, m)) return;
      const r = this.rect(id);
      if (!r || point.x < r.x || point.y < r.y || point.x > r.x + r.width || point.y > r.y + r.height) return;
      const depth = this.depth(id);
      if (!best || depth > best.depth || (depth === best.depth && index > best.index)) best = { id, depth, index };
    });
    return best?.id;
  }
}
