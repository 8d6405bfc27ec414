import type { NodeKind } from '../board/kinds';
import type { Board, BoardEdge, BoardNode } from '../board/schema';
import { SECTION_IDS, SECTION_TITLES } from '../board/sections';
import { annotationJson } from './annotations';
import { formatFrontMatter } from './frontmatter';
import { assignEdgeIds, edgeKey, isMermaidSafeId, mermaidAlias } from './ids';
import type { MermaidShape } from './kinds';
import { writeLabel } from './labels';
import { endsInOpenFence, escapeHeadings } from './markdown';
import { SHAPE_SYNTAX } from './mermaid-syntax';

/** The shape each kind is drawn with, so the exported diagram reads at a glance. */
export const KIND_SHAPES: Readonly<Record<NodeKind, Exclude<MermaidShape, 'none'>>> = {
  client: 'stadium',
  dns: 'circle',
  cdn: 'circle',
  'load-balancer': 'hexagon',
  'api-gateway': 'hexagon',
  'rate-limiter': 'hexagon',
  service: 'rect',
  worker: 'round',
  scheduler: 'round',
  database: 'cylinder',
  cache: 'cylinder',
  'object-storage': 'cylinder',
  search: 'cylinder',
  queue: 'parallelogram',
  stream: 'parallelogram',
  external: 'subroutine',
  note: 'asymmetric',
  group: 'rect',
  other: 'rect',
};

/**
 * Writes a board as a design doc (docs/design-doc-format.md): front matter, every contract
 * section in order (Notes only when it has text), and the diagram at the top of
 * "High-level design". `parseDesignDoc(formatDesignDoc(b))` gives back b's meta, nodes, edges
 * and sections; see docs/design-doc-format-notes.md for what is normalised.
 */
export function formatDesignDoc(board: Board): string {
  const blocks: string[] = [];
  for (const id of SECTION_IDS) {
    const text = board.sections[id] ?? '';
    if (id === 'notes' && text.trim() === '') continue;
    const parts = [`## ${SECTION_TITLES[id]}`];
    if (id === 'high-level-design') parts.push(formatDiagram(board));
    if (text.trim() !== '') parts.push(sectionText(text));
    blocks.push(parts.join('\n\n'));
  }
  return `${formatFrontMatter(board.meta)}\n${blocks.join('\n\n')}\n`;
}

/** Section text as written: heading-like lines escaped, an unclosed code fence closed. */
function sectionText(text: string): string {
  const escaped = escapeHeadings(text.replace(/^(?:[ \t]*\n)+/, '').trimEnd());
  const fence = endsInOpenFence(escaped);
  return fence ? `${escaped}\n${fence}` : escaped;
}

/** The ```mermaid block for the board's nodes and edges, with the designroom annotations. */
export function formatDiagram(board: Board): string {
  const byId = new Map(board.nodes.map((n) => [n.id, n]));
  const parentOf = (node: BoardNode): string | undefined => {
    if (node.parent === undefined || !byId.has(node.parent)) return undefined;
    // A parent chain that loops back to the node cannot be nested; the node stays at the top.
    const seen = new Set<string>();
    for (let p: string | undefined = node.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (p === node.id) return undefined;
      if (seen.has(p)) break;
      seen.add(p);
    }
    return node.parent;
  };
  const children = new Map<string | undefined, BoardNode[]>();
  for (const node of board.nodes) {
    const parent = parentOf(node);
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }

  const taken = new Set(board.nodes.map((n) => n.id));
  const aliases = new Map<string, string>();
  for (const node of board.nodes) {
    if (isMermaidSafeId(node.id)) continue;
    const alias = mermaidAlias(node.id, taken);
    taken.add(alias);
    aliases.set(node.id, alias);
  }
  const mid = (id: string): string => aliases.get(id) ?? id;

  const lines = ['```mermaid', 'flowchart LR'];
  const classLines: string[] = [];
  // Annotations follow the written order (not the board's), so format(parse(text)) === text.
  const written: BoardNode[] = [];
  const writeNode = (node: BoardNode, depth: number): void => {
    written.push(node);
    const indent = '  '.repeat(depth);
    const inner = children.get(node.id) ?? [];
    if (node.kind === 'group' || inner.length > 0) {
      const title = writeLabel(node.label);
      lines.push(`${indent}subgraph ${mid(node.id)} [${title}]`);
      for (const child of inner) writeNode(child, depth + 1);
      lines.push(`${indent}end`);
      if (node.kind !== 'group') classLines.push(`  class ${mid(node.id)} ${node.kind}`);
      return;
    }
    const [open, close] = SHAPE_SYNTAX[KIND_SHAPES[node.kind]];
    lines.push(`${indent}${mid(node.id)}${open}${writeLabel(node.label)}${close}:::${node.kind}`);
  };
  for (const node of children.get(undefined) ?? []) writeNode(node, 1);

  const edges = board.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  for (const edge of edges) {
    const arrow = edge.mode === 'async' ? '-.->' : '-->';
    const label = edge.label === '' ? '' : `|${writeLabel(edge.label)}|`;
    lines.push(`  ${mid(edge.source)} ${arrow}${label} ${mid(edge.target)}`);
  }
  lines.push(...classLines, ...annotationLines(written, edges, aliases), '```');
  return lines.join('\n');
}

function annotationLines(nodes: readonly BoardNode[], edges: readonly BoardEdge[], aliases: ReadonlyMap<string, string>): string[] {
  const layout = Object.fromEntries(
    nodes.map((n) => [
      n.id,
      n.width === undefined && n.height === undefined ? [n.x, n.y] : [n.x, n.y, n.width ?? null, n.height ?? null],
    ]),
  );
  const out = [`  %% designroom-layout: ${annotationJson(layout)}`];
  const renamed = nodes.filter((n) => aliases.has(n.id)).map((n) => [aliases.get(n.id), n.id]);
  if (renamed.length > 0) out.push(`  %% designroom-ids: ${annotationJson(Object.fromEntries(renamed))}`);
  const overrides = edgeOverrides(edges);
  if (overrides.size > 0) out.push(`  %% designroom-edge-ids: ${annotationJson(Object.fromEntries(overrides))}`);
  for (const n of nodes) {
    const hasProps = Object.keys(n.props).length > 0;
    if (n.notes === '' && !hasProps) continue;
    out.push(`  %% designroom-node: ${annotationJson({ id: n.id, ...(n.notes === '' ? {} : { notes: n.notes }), ...(hasProps ? { props: n.props } : {}) })}`);
  }
  return out;
}

/**
 * The smallest set of edge-id overrides that makes the parser's derivation give every edge its
 * board id. Adding an override can shift other derived ids, so this repeats until stable
 * (at most once per edge; usually once).
 */
function edgeOverrides(edges: readonly BoardEdge[]): Map<string, string> {
  const keys: string[] = [];
  const seen = new Map<string, number>();
  for (const e of edges) {
    const n = (seen.get(`${e.source}>${e.target}`) ?? 0) + 1;
    seen.set(`${e.source}>${e.target}`, n);
    keys.push(edgeKey(e.source, e.target, n));
  }
  const overrides = new Map<string, string>();
  for (let round = 0; round <= edges.length; round++) {
    const ids = assignEdgeIds(edges, overrides);
    let changed = false;
    edges.forEach((e, i) => {
      if (ids[i] !== e.id) {
        overrides.set(keys[i] ?? '', e.id);
        changed = true;
      }
    });
    if (!changed) break;
  }
  return overrides;
}
