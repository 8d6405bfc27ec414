/**
 * The canvas tint as one generated stylesheet: a ring in the colour of each component's
 * utilisation and a load/capacity badge under it. One <style> text per slider move costs a
 * single style recalculation, however many nodes there are, and no node component re-renders.
 */
import { fmt, type NodeTraffic } from '../../../core/src/traffic/report';

/** Colour bands by utilisation: calm, busy, near full, over capacity. */
export function band(utilisation: number | null): 'none' | 'ok' | 'busy' | 'hot' | 'over' {
  if (utilisation === null) return 'none';
  if (utilisation >= 1) return 'over';
  if (utilisation >= 0.8) return 'hot';
  if (utilisation >= 0.5) return 'busy';
  return 'ok';
}

const COLOURS = { ok: '#16a34a', busy: '#d97706', hot: '#ea580c', over: '#dc2626' } as const;

/** The badge text: "9k / 26k · 35 %", or the load alone for what has no limit. */
export function badge(node: NodeTraffic): string {
  if (node.kind === 'client') return `${fmt(node.loadPerSecond)}/s in`;
  if (node.utilisation === null || node.capacityPerSecond === null) return `${fmt(node.loadPerSecond)}/s · scales out`;
  return `${fmt(node.loadPerSecond)} / ${fmt(node.capacityPerSecond)} · ${Math.round(node.utilisation * 100)} %`;
}

const quote = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`;

export function tintCss(nodes: readonly NodeTraffic[]): string {
  const rules = [
    `.react-flow__node::after { position: absolute; left: 50%; top: 100%; transform: translate(-50%, 5px); z-index: 4; padding: 1px 7px; font-size: 11px; font-weight: 600; white-space: nowrap; border-radius: 999px; pointer-events: none; background: var(--surface); color: var(--text); border: 1px solid var(--border-strong); }`,
  ];
  for (const node of nodes) {
    const selector = `.react-flow__node[data-id=${quote(node.id)}]`;
    const b = band(node.utilisation);
    rules.push(`${selector}::after { content: ${quote(badge(node))};${b === 'over' ? ` background: ${COLOURS.over}; color: #fff; border-color: ${COLOURS.over};` : ''} }`);
    if (b !== 'none') rules.push(`${selector} .design-node { box-shadow: 0 0 0 3px ${COLOURS[b]}, var(--shadow); }`);
  }
  return rules.join('\n');
}
