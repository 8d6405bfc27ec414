import { BOARD_LIMITS, boardSchema, type Board, type BoardEdge, type BoardNode } from '../board/schema';
import { assignEdgeIds, uniqueId } from '../designdoc/ids';
import { readText } from '../designdoc/input';
import { inferKind, type MermaidShape } from '../designdoc/kinds';
import { ImportError } from './errors';
import { excalidrawFileSchema, type ExcalidrawElement } from './excalidraw-schema';

/** What {@link importExcalidraw} gives back besides the board. */
export interface ExcalidrawImport {
  board: Board;
  warnings: string[];
  unmapped: string[];
}

/** Excalidraw shapes that become board nodes, with the Mermaid shape that hints at a kind. */
const SHAPES: Readonly<Record<string, MermaidShape>> = { rectangle: 'rect', ellipse: 'circle', diamond: 'rhombus' };
const FRAMES = new Set(['frame', 'magicframe']);
const ARROW = 'arrow';
const TEXT = 'text';

interface Draft {
  el: ExcalidrawElement;
  id: string;
  label: string;
  group: boolean;
  note: boolean;
}

/**
 * Maps an Excalidraw drawing onto a board: shapes with text become nodes (kind guessed from the
 * text like a Mermaid label), arrows bound at both ends to mapped shapes become edges (their
 * text the label, dashed or dotted ones async), frames become groups, free text becomes a
 * note, or the label of the empty shape it sits on. Everything else is listed in `unmapped`.
 */
export function importExcalidraw(input: string, maxBytes: number): ExcalidrawImport {
  const text = readText(input, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError('BAD_EXCALIDRAW', `the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = excalidrawFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ImportError('BAD_EXCALIDRAW', `not an Excalidraw drawing: ${where}${issue?.message ?? 'unexpected content'}`);
  }
  const elements = parsed.data.elements.filter((el) => el.isDeleted !== true);
  const warnings: string[] = [];
  const unmapped: string[] = [];
  const byId = new Map(elements.map((el) => [el.id, el]));

  // Text bound to a shape or an arrow is that element's label.
  const boundText = new Map<string, string>();
  const freeTexts: ExcalidrawElement[] = [];
  for (const el of elements) {
    if (el.type !== TEXT) continue;
    const content = textOf(el);
    if (content === '') continue;
    if (el.containerId && byId.has(el.containerId)) {
      const previous = boundText.get(el.containerId);
      boundText.set(el.containerId, previous === undefined ? content : `${previous} ${content}`);
    } else freeTexts.push(el);
  }

  // Free text lying on a shape that has none of its own labels that shape (text typed on top
  // of a box without binding it is the commonest way to label one).
  const shapes = elements.filter((el) => SHAPES[el.type] !== undefined);
  const notes: ExcalidrawElement[] = [];
  for (const t of freeTexts) {
    const host = shapes.find((s) => !boundText.has(s.id) && contains(s, centre(t)));
    if (host) boundText.set(host.id, textOf(t));
    else notes.push(t);
  }

  const taken = new Set<string>();
  const drafts = new Map<string, Draft>();
  const claim = (el: ExcalidrawElement, label: string, group: boolean, note: boolean): void => {
    const id = uniqueId(slug(label) || (group ? 'group' : note ? 'note' : 'node'), taken);
    taken.add(id);
    drafts.set(el.id, { el, id, label: fitLabel(label, el, warnings), group, note });
  };
  for (const el of elements) {
    if (FRAMES.has(el.type)) claim(el, (el.name ?? '').trim() || 'Frame', true, false);
  }
  for (const el of shapes) {
    const label = boundText.get(el.id);
    if (label === undefined) unmapped.push(`${el.type} ${el.id}: a shape without text has no component to stand for`);
    else claim(el, label, false, false);
  }
  for (const t of notes) claim(t, textOf(t), false, true);

  const edgesIn: { source: string; target: string; label: string; mode: 'sync' | 'async' }[] = [];
  for (const el of elements) {
    if (el.type === ARROW) {
      const label = boundText.get(el.id) ?? '';
      const from = el.startBinding ? drafts.get(el.startBinding.elementId) : undefined;
      const to = el.endBinding ? drafts.get(el.endBinding.elementId) : undefined;
      if (!from || !to || from.group || to.group) {
        const which = !from && !to ? 'neither end is' : !from ? 'its start is not' : !to ? 'its end is not' : 'an end is a frame, not';
        unmapped.push(`arrow ${el.id}${label ? ` "${label}"` : ''}: ${which} attached to a shape with text`);
        continue;
      }
      edgesIn.push({
        source: from.id,
        target: to.id,
        label: fitLabel(label, el, warnings),
        mode: el.strokeStyle === 'dashed' || el.strokeStyle === 'dotted' ? 'async' : 'sync',
      });
    } else if (el.type !== TEXT && SHAPES[el.type] === undefined && !FRAMES.has(el.type)) {
      unmapped.push(`${el.type} ${el.id}: ${el.type === 'line' ? 'a line is not attached to shapes' : `"${el.type}" elements have no board equivalent`}`);
    }
  }
  const fileCount = Object.keys(parsed.data.files ?? {}).length;
  if (fileCount > 0) unmapped.push(`${fileCount} embedded file(s): images are not kept on the board`);

  const nodes = placeNodes([...drafts.values()], drafts, warnings);
  if (nodes.length > BOARD_LIMITS.maxNodes) {
    throw new ImportError('TOO_LARGE', `the drawing makes ${nodes.length} nodes; the limit is ${BOARD_LIMITS.maxNodes}`);
  }
  if (edgesIn.length > BOARD_LIMITS.maxEdges) {
    throw new ImportError('TOO_LARGE', `the drawing makes ${edgesIn.length} edges; the limit is ${BOARD_LIMITS.maxEdges}`);
  }
  const edgeIds = assignEdgeIds(edgesIn);
  const edges = edgesIn.map((e, i): BoardEdge => ({ id: edgeIds[i] ?? `e-${i}`, ...e }));
  const board = boardSchema.safeParse({ meta: {}, nodes, edges, sections: {}, comments: [] });
  if (!board.success) {
    const issue = board.error.issues[0];
    throw new ImportError('INVALID_BOARD', `the drawing does not make a valid board: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { board: board.data, warnings, unmapped };
}

/** Board nodes in Excalidraw's order; top-level positions moved so the drawing starts at 0,0, children relative to their frame. */
function placeNodes(list: readonly Draft[], drafts: ReadonlyMap<string, Draft>, warnings: string[]): BoardNode[] {
  const parentOf = (d: Draft): Draft | undefined => {
    const frame = d.el.frameId ? drafts.get(d.el.frameId) : undefined;
    return frame && frame.group && frame !== d ? frame : undefined;
  };
  const top = list.filter((d) => !parentOf(d));
  const originX = top.reduce((m, d) => Math.min(m, d.el.x), top.length > 0 ? Infinity : 0);
  const originY = top.reduce((m, d) => Math.min(m, d.el.y), top.length > 0 ? Infinity : 0);
  return list.map((d): BoardNode => {
    const parent = parentOf(d);
    const node: BoardNode = {
      id: d.id,
      kind: d.group ? 'group' : d.note ? 'note' : inferKind(d.label, SHAPES[d.el.type] ?? 'none'),
      label: d.label,
      x: round(parent ? d.el.x - parent.el.x : d.el.x - originX),
      y: round(parent ? d.el.y - parent.el.y : d.el.y - originY),
      notes: '',
      props: {},
    };
    // Groups need a size for their frame to be drawn; other nodes are measured by the canvas.
    if (d.group && d.el.width > 0 && d.el.height > 0) {
      node.width = round(d.el.width);
      node.height = round(d.el.height);
    }
    if (parent) node.parent = parent.id;
    if (Math.abs(node.x) > 1_000_000 || Math.abs(node.y) > 1_000_000) {
      warnings.push(`${d.el.type} ${d.el.id} lies too far out; it is placed at 0,0`);
      node.x = 0;
      node.y = 0;
    }
    return node;
  });
}

function textOf(el: ExcalidrawElement): string {
  // `originalText` is what the user typed; `text` carries the soft line breaks of wrapping.
  return (el.originalText ?? el.text ?? '').replace(/\s+/g, ' ').trim();
}

function fitLabel(label: string, el: ExcalidrawElement, warnings: string[]): string {
  if (label.length <= BOARD_LIMITS.maxLabelLength) return label;
  warnings.push(`${el.type} ${el.id}: its text is longer than ${BOARD_LIMITS.maxLabelLength} characters and is cut`);
  return label.slice(0, BOARD_LIMITS.maxLabelLength);
}

/** A readable id from a label: lowercase ASCII words joined by `-`. */
function slug(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function centre(el: ExcalidrawElement): { x: number; y: number } {
  return { x: el.x + el.width / 2, y: el.y + el.height / 2 };
}

function contains(el: ExcalidrawElement, p: { x: number; y: number }): boolean {
  const x0 = Math.min(el.x, el.x + el.width);
  const y0 = Math.min(el.y, el.y + el.height);
  return p.x >= x0 && p.x <= x0 + Math.abs(el.width) && p.y >= y0 && p.y <= y0 + Math.abs(el.height);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
