import { NODE_KIND_LABELS, type NodeKind } from '../board/kinds';
import type { Board, BoardEdge, BoardNode } from '../board/schema';
import { LAYOUT } from '../designdoc/layout';
import { escapeXml } from './escape';

/** Options of {@link renderBoardSvg}. */
export interface SvgOptions {
  theme?: 'light' | 'dark';
  /** Prefix of the element ids (`<prefix>node-<id>`, `<prefix>edge-<id>`), for pages that hold several diagrams. */
  idPrefix?: string;
}

type Family = 'client' | 'edge' | 'compute' | 'data' | 'messaging' | 'external' | 'note';

const FAMILY: Readonly<Record<NodeKind, Family>> = {
  client: 'client',
  dns: 'edge',
  cdn: 'edge',
  'load-balancer': 'edge',
  'api-gateway': 'edge',
  'rate-limiter': 'edge',
  service: 'compute',
  worker: 'compute',
  scheduler: 'compute',
  database: 'data',
  cache: 'data',
  'object-storage': 'data',
  search: 'data',
  queue: 'messaging',
  stream: 'messaging',
  external: 'external',
  note: 'note',
  group: 'external',
  other: 'external',
};

interface Palette {
  background: string;
  text: string;
  muted: string;
  line: string;
  group: string;
  families: Record<Family, { fill: string; stroke: string }>;
}

const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#57606a',
    line: '#57606a',
    group: '#f6f8fa',
    families: {
      client: { fill: '#ddf4ff', stroke: '#0969da' },
      edge: { fill: '#fbefff', stroke: '#8250df' },
      compute: { fill: '#dafbe1', stroke: '#1a7f37' },
      data: { fill: '#fff1e5', stroke: '#bc4c00' },
      messaging: { fill: '#ffeff7', stroke: '#bf3989' },
      external: { fill: '#f6f8fa', stroke: '#6e7781' },
      note: { fill: '#fff8c5', stroke: '#9a6700' },
    },
  },
  dark: {
    background: '#0d1117',
    text: '#e6edf3',
    muted: '#8d96a0',
    line: '#8d96a0',
    group: '#161b22',
    families: {
      client: { fill: '#0c2d6b', stroke: '#4493f8' },
      edge: { fill: '#271052', stroke: '#ab7df8' },
      compute: { fill: '#04260f', stroke: '#3fb950' },
      data: { fill: '#3d1300', stroke: '#f0883e' },
      messaging: { fill: '#42062a', stroke: '#db61a2' },
      external: { fill: '#161b22', stroke: '#8d96a0' },
      note: { fill: '#2e2a00', stroke: '#d29922' },
    },
  },
};

interface Box {
  node: BoardNode;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  container: boolean;
}

const MARGIN = 40;
const CHAR_WIDTH = 7.2;
/** Height of the kind caption at the top of a box, and of one label line. */
const CAPTION = 18;
const LINE = 16;

function labelLines(label: string, width: number): string[] {
  return wrap(label, Math.max(4, Math.floor((width - 16) / CHAR_WIDTH)), 3);
}

/**
 * The board as a standalone SVG drawn from the model (not from a screen): every component as
 * a box coloured and captioned by its kind, groups as labelled frames, edges with arrowheads,
 * dashed when async, and their labels. All text is escaped. Nodes and edges carry ids
 * (`node-<id>`, `edge-<id>`) so a page can link to them; `:target` styles highlight the one linked.
 */
export function renderBoardSvg(board: Board, options: SvgOptions = {}): string {
  const palette = PALETTES[options.theme ?? 'light'];
  const prefix = escapeXml(options.idPrefix ?? '');
  const boxes = place(board);
  const all = [...boxes.values()];
  const title = board.meta.title ? `Diagram: ${board.meta.title}` : 'Design diagram';
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 80" width="320" height="80" role="img" aria-label="${escapeXml(title)}"><rect width="320" height="80" fill="${palette.background}"/><text x="160" y="45" text-anchor="middle" font-family="system-ui, sans-serif" font-size="14" fill="${palette.muted}">The board is empty</text></svg>`;
  }
  const minX = Math.min(...all.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...all.map((b) => b.y)) - MARGIN;
  const width = Math.max(...all.map((b) => b.x + b.w)) + MARGIN - minX;
  const height = Math.max(...all.map((b) => b.y + b.h)) + MARGIN - minY;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(minX)} ${n(minY)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="${prefix}arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${palette.line}"/></marker></defs>`,
    `<style>g:target>.shape{stroke-width:4;stroke:#d4a72c}g:target>text{font-weight:700}</style>`,
    `<rect x="${n(minX)}" y="${n(minY)}" width="${n(width)}" height="${n(height)}" fill="${palette.background}"/>`,
  );
  for (const box of all.filter((b) => b.container).sort((a, b) => a.depth - b.depth)) parts.push(groupSvg(box, palette, prefix));
  for (const edge of board.edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (from && to) parts.push(edgeSvg(edge, from, to, palette, prefix));
  }
  for (const box of all.filter((b) => !b.container)) parts.push(nodeSvg(box, palette, prefix));
  parts.push('</svg>');
  return parts.join('\n');
}

/** Absolute boxes: children are stored relative to their group; groups without a size fit their children. */
function place(board: Board): Map<string, Box> {
  const byId = new Map(board.nodes.map((node) => [node.id, node]));
  const children = new Map<string, BoardNode[]>();
  for (const node of board.nodes) {
    if (node.parent !== undefined && byId.has(node.parent)) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  const sizes = new Map<string, { w: number; h: number }>();
  const sizeOf = (node: BoardNode, seen: Set<string>): { w: number; h: number } => {
    const known = sizes.get(node.id);
    if (known) return known;
    let w = node.width ?? LAYOUT.nodeWidth;
    // A box without a stored height grows to hold its caption and up to three label lines.
    let h = node.height ?? Math.max(LAYOUT.nodeHeight, CAPTION + labelLines(node.label, w).length * LINE + 10);
    const inner = seen.has(node.id) ? [] : (children.get(node.id) ?? []);
    if (inner.length > 0 && (node.width === undefined || node.height === undefined)) {
      seen.add(node.id);
      const right = Math.max(...inner.map((c) => c.x + sizeOf(c, seen).w));
      const bottom = Math.max(...inner.map((c) => c.y + sizeOf(c, seen).h));
      w = node.width ?? Math.max(LAYOUT.nodeWidth, right + LAYOUT.groupPadding);
      h = node.height ?? Math.max(LAYOUT.nodeHeight, bottom + LAYOUT.groupPadding);
    }
    const size = { w, h };
    sizes.set(node.id, size);
    return size;
  };
  const boxes = new Map<string, Box>();
  const boxOf = (node: BoardNode, chain: Set<string>): Box => {
    const done = boxes.get(node.id);
    if (done) return done;
    const parent = node.parent !== undefined && !chain.has(node.parent) ? byId.get(node.parent) : undefined;
    const origin = parent ? boxOf(parent, new Set([...chain, node.id])) : undefined;
    const { w, h } = sizeOf(node, new Set());
    const box: Box = {
      node,
      x: node.x + (origin?.x ?? 0),
      y: node.y + (origin?.y ?? 0),
      w,
      h,
      depth: origin ? origin.depth + 1 : 0,
      container: node.kind === 'group' || children.has(node.id),
    };
    boxes.set(node.id, box);
    return box;
  };
  for (const node of board.nodes) boxOf(node, new Set([node.id]));
  return boxes;
}

function groupSvg(box: Box, palette: Palette, prefix: string): string {
  const { node } = box;
  const caption = node.kind === 'group' ? '' : `${NODE_KIND_LABELS[node.kind].toUpperCase()} · `;
  return [
    `<g id="${prefix}node-${escapeXml(node.id)}">`,
    `<title>${escapeXml(`${NODE_KIND_LABELS[node.kind]}: ${node.label}`)}</title>`,
    `<rect class="shape" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="10" fill="${palette.group}" stroke="${palette.muted}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
    `<text x="${n(box.x + 12)}" y="${n(box.y + 22)}" font-size="13" font-weight="600" fill="${palette.text}">${escapeXml(caption + truncate(node.label, Math.floor((box.w - 24) / CHAR_WIDTH)))}</text>`,
    '</g>',
  ].join('');
}

function nodeSvg(box: Box, palette: Palette, prefix: string): string {
  const { node, x, y, w, h } = box;
  const colours = palette.families[FAMILY[node.kind]];
  const kind = NODE_KIND_LABELS[node.kind];
  const lines = labelLines(node.label, w);
  // Label lines centred in the space under the kind caption.
  const textTop = y + CAPTION + (h - CAPTION) / 2 - ((lines.length - 1) * LINE) / 2 + 4;
  return [
    `<g id="${prefix}node-${escapeXml(node.id)}">`,
    `<title>${escapeXml(`${kind}: ${node.label}`)}</title>`,
    shapeSvg(node.kind, x, y, w, h, colours),
    `<text x="${n(x + w / 2)}" y="${n(y + 13)}" text-anchor="middle" font-size="9" letter-spacing="0.6" fill="${palette.muted}">${escapeXml(kind.toUpperCase())}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="${n(x + w / 2)}" y="${n(textTop + i * LINE)}" text-anchor="middle" font-size="13" fill="${palette.text}">${escapeXml(line)}</text>`,
    ),
    '</g>',
  ].join('');
}

/** The outline per kind, echoing the Mermaid shapes of the design doc: cylinders for stores, slanted boxes for queues. */
function shapeSvg(kind: NodeKind, x: number, y: number, w: number, h: number, c: { fill: string; stroke: string }): string {
  const paint = `class="shape" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"`;
  const family = FAMILY[kind];
  if (family === 'data') {
    const ry = Math.min(8, h / 6);
    return `<path ${paint} d="M${n(x)} ${n(y + ry)}a${n(w / 2)} ${n(ry)} 0 0 0 ${n(w)} 0a${n(w / 2)} ${n(ry)} 0 0 0 ${n(-w)} 0v${n(h - 2 * ry)}a${n(w / 2)} ${n(ry)} 0 0 0 ${n(w)} 0v${n(-(h - 2 * ry))}"/>`;
  }
  if (family === 'messaging') {
    const s = Math.min(14, w / 6);
    return `<path ${paint} d="M${n(x + s)} ${n(y)}H${n(x + w)}L${n(x + w - s)} ${n(y + h)}H${n(x)}Z"/>`;
  }
  if (kind === 'client') return `<rect ${paint} x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(h / 2, 24))}"/>`;
  if (kind === 'note') return `<path ${paint} d="M${n(x)} ${n(y)}H${n(x + w - 12)}L${n(x + w)} ${n(y + 12)}V${n(y + h)}H${n(x)}Z"/>`;
  return `<rect ${paint} x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="6"/>`;
}

function edgeSvg(edge: BoardEdge, from: Box, to: Box, palette: Palette, prefix: string): string {
  const dash = edge.mode === 'async' ? ' stroke-dasharray="6 4"' : '';
  const paint = `class="shape" fill="none" stroke="${palette.line}" stroke-width="1.5"${dash} marker-end="url(#${prefix}arrow)"`;
  let path: string;
  let mid: { x: number; y: number };
  if (from === to) {
    const x = from.x + from.w;
    const y = from.y + from.h / 2;
    path = `<path ${paint} d="M${n(x)} ${n(y - 10)}c40 -30 40 50 0 20"/>`;
    mid = { x: x + 34, y };
  } else {
    const a = centre(from);
    const b = centre(to);
    const start = exit(from, b);
    const end = exit(to, a);
    path = `<path ${paint} d="M${n(start.x)} ${n(start.y)}L${n(end.x)} ${n(end.y)}"/>`;
    mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  }
  const parts = [`<g id="${prefix}edge-${escapeXml(edge.id)}">`, `<title>${escapeXml(`${from.node.label || from.node.id} → ${to.node.label || to.node.id}${edge.label ? `: ${edge.label}` : ''}`)}</title>`, path];
  if (edge.label !== '') {
    const text = truncate(edge.label, 40);
    const w = text.length * 6.4 + 10;
    parts.push(
      `<rect x="${n(mid.x - w / 2)}" y="${n(mid.y - 10)}" width="${n(w)}" height="18" rx="4" fill="${palette.background}" opacity="0.92"/>`,
      `<text x="${n(mid.x)}" y="${n(mid.y + 3)}" text-anchor="middle" font-size="11" fill="${palette.muted}">${escapeXml(text)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Where the segment from the box's centre toward `toward` leaves the box. */
function exit(box: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const c = centre(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  return { x: c.x + dx * Math.min(scale, 1), y: c.y + dy * Math.min(scale, 1) };
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width) line = next;
    else {
      if (line !== '') lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} …`, width);
    return kept.map((l) => truncate(l, width));
  }
  return lines.map((l) => truncate(l, width));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Numbers in SVG: two decimals at most. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
