import { BOARD_LIMITS, type BoardEdge, type BoardNode } from '../board/schema';
import { readAnnotations } from './annotations';
import { DesignDocError, type DesignDocWarning } from './errors';
import { assignEdgeIds, isBoardId } from './ids';
import { layoutBoard, type Placement } from './layout';
import type { MermaidGraph, MermaidNode } from './mermaid';

/**
 * Turns a parsed diagram into board nodes and edges: applies the designroom annotations
 * (board ids, positions, notes, props, edge ids), fits values to the board limits with a
 * warning, and lays out whatever has no stored position.
 */
export function assembleGraph(graph: MermaidGraph, warnings: DesignDocWarning[]): { nodes: BoardNode[]; edges: BoardEdge[] } {
  if (graph.nodes.length > BOARD_LIMITS.maxNodes) {
    throw new DesignDocError('TOO_LARGE', `the diagram has ${graph.nodes.length} nodes; the limit is ${BOARD_LIMITS.maxNodes}`);
  }
  if (graph.edges.length > BOARD_LIMITS.maxEdges) {
    throw new DesignDocError('TOO_LARGE', `the diagram has ${graph.edges.length} edges; the limit is ${BOARD_LIMITS.maxEdges}`);
  }
  const notes = readAnnotations(graph.annotations, warnings);
  const rename = renames(graph.nodes, notes.ids);
  const to = (id: string): string => rename.get(id) ?? id;

  const drafts = graph.nodes.map((n): MermaidNode => ({ ...n, id: to(n.id), ...(n.parent === undefined ? {} : { parent: to(n.parent) }) }));
  const edgesIn = graph.edges.map((e) => ({ ...e, source: to(e.source), target: to(e.target) }));

  const stored = new Map<string, Placement>();
  for (const node of drafts) {
    const placement = notes.layout.get(node.id);
    if (placement) stored.set(node.id, placement);
  }
  const computed = layoutBoard(
    drafts.map((n) => ({ id: n.id, parent: n.parent, group: n.group })),
    edgesIn,
    graph.direction,
  );
  const offsetY = newcomerOffset(drafts, stored);

  const nodes = drafts.map((draft): BoardNode => {
    const extras = notes.nodes.get(draft.id);
    const placement = stored.get(draft.id) ?? shift(computed.get(draft.id), draft.parent === undefined ? offsetY : 0);
    const node: BoardNode = {
      id: draft.id,
      kind: draft.kind,
      label: fit(draft.label, BOARD_LIMITS.maxLabelLength, draft.line, `label of "${draft.id}"`, warnings),
      x: placement.x,
      y: placement.y,
      notes: extras?.notes ?? '',
      props: extras?.props ?? {},
    };
    if (placement.width !== undefined) node.width = placement.width;
    if (placement.height !== undefined) node.height = placement.height;
    if (draft.parent !== undefined) node.parent = draft.parent;
    return node;
  });

  const ids = assignEdgeIds(edgesIn, notes.edgeIds);
  const edges = edgesIn.map(
    (e, i): BoardEdge => ({
      id: ids[i] ?? `e-${i}`,
      source: e.source,
      target: e.target,
      label: fit(e.label, BOARD_LIMITS.maxLabelLength, e.line, `label of the edge ${e.source} -> ${e.target}`, warnings),
      mode: e.mode,
    }),
  );
  return { nodes, edges };
}

/** Mermaid id → board id, for recorded ids that are valid and collide with nothing. */
function renames(nodes: readonly MermaidNode[], ids: ReadonlyMap<string, string>): Map<string, string> {
  const present = new Set(nodes.map((n) => n.id));
  const out = new Map<string, string>();
  const claimed = new Set<string>();
  for (const [alias, boardId] of ids) {
    if (!present.has(alias) || !isBoardId(boardId) || claimed.has(boardId)) continue;
    if (present.has(boardId) && !ids.has(boardId)) continue;
    out.set(alias, boardId);
    claimed.add(boardId);
  }
  return out;
}

/** When only some nodes have stored positions, new top-level nodes go below the stored ones. */
function newcomerOffset(nodes: readonly MermaidNode[], stored: ReadonlyMap<string, Placement>): number {
  if (stored.size === 0 || stored.size === nodes.length) return 0;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const p = stored.get(node.id);
    if (p && node.parent === undefined) bottom = Math.max(bottom, p.y + (p.height ?? 60));
  }
  return Number.isFinite(bottom) ? bottom + 120 : 0;
}

function shift(placement: Placement | undefined, dy: number): Placement {
  const p = placement ?? { x: 0, y: 0 };
  return { ...p, y: p.y + dy };
}

function fit(text: string, max: number, line: number, what: string, warnings: DesignDocWarning[]): string {
  if (text.length <= max) return text;
  warnings.push({ line, message: `${what} is longer than ${max} characters and is cut` });
  return text.slice(0, max);
}
