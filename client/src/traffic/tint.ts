/**
 * The canvas tint: a ring in the colour of each component's utilisation and a load/capacity
 * badge under it, written as two data attributes on React Flow's node wrappers and drawn by
 * static rules in traffic.css. Only the attributes whose value changed are written, so a slider
 * step restyles the few nodes whose figures moved instead of the whole canvas (a regenerated
 * stylesheet cost 100–300 ms a step on a 300-node board).
 */
import { fmt, type NodeTraffic } from '../../../core/src/traffic/report';

export type Band = 'none' | 'ok' | 'busy' | 'hot' | 'over';

/** Colour bands by utilisation: calm, busy, near full, over capacity. */
export function band(utilisation: number | null): Band {
  if (utilisation === null) return 'none';
  if (utilisation >= 1) return 'over';
  if (utilisation >= 0.8) return 'hot';
  if (utilisation >= 0.5) return 'busy';
  return 'ok';
}

/** The badge text: "9k / 26k · 35 %", or the load alone for what has no limit. */
export function badge(node: NodeTraffic): string {
  if (node.kind === 'client') return `${fmt(node.loadPerSecond)}/s in`;
  if (node.utilisation === null || node.capacityPerSecond === null) return `${fmt(node.loadPerSecond)}/s · scales out`;
  return `${fmt(node.loadPerSecond)} / ${fmt(node.capacityPerSecond)} · ${Math.round(node.utilisation * 100)} %`;
}

const BAND = 'trafficBand';
const BADGE = 'trafficBadge';

/** Keeps the canvas's node wrappers in step with a report; `clear()` removes every mark. */
export class Tint {
  private shown = new Map<string, { band: Band; badge: string }>();

  constructor(private readonly root: () => ParentNode | null) {}

  apply(nodes: readonly NodeTraffic[]): void {
    const root = this.root();
    if (!root) return;
    const next = new Map(nodes.map((n) => [n.id, { band: band(n.utilisation), badge: badge(n) }]));
    // One pass over the wrappers: a selector per node made each step cost milliseconds.
    for (const el of this.wrappers(root)) {
      const id = el.dataset.id ?? '';
      const mark = next.get(id);
      if (!mark) {
        if (this.shown.has(id)) unmark(el);
        continue;
      }
      // React Flow may have replaced the element: compare with the DOM, not only with memory.
      if (el.dataset[BAND] !== mark.band) el.dataset[BAND] = mark.band;
      if (el.dataset[BADGE] !== mark.badge) el.dataset[BADGE] = mark.badge;
    }
    this.shown = next;
  }

  clear(): void {
    const root = this.root();
    if (root) for (const el of this.wrappers(root)) if (this.shown.has(el.dataset.id ?? '')) unmark(el);
    this.shown.clear();
  }

  private wrappers(root: ParentNode): NodeListOf<HTMLElement> {
    return root.querySelectorAll<HTMLElement>('.react-flow__node');
  }
}

function unmark(el: HTMLElement): void {
  delete el.dataset[BAND];
  delete el.dataset[BADGE];
}
