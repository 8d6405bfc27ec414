/**
 * Copy, paste and duplicate of selected nodes (with the edges between them). The payload is
 * JSON on the system clipboard when the browser allows it, and always kept in memory too, so
 * paste works between boards in one browser even without clipboard permission.
 */
import { putEdge, putNode, type BoardEdge, type BoardNode } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';
import { geometry, selectedNodeIds, selectOnly, useBoardStore } from './board';
import { newId } from './ids';

const PAYLOAD_TYPE = 'designroom/nodes@1';
const OFFSET = 32;

export interface ClipboardPayload {
  type: typeof PAYLOAD_TYPE;
  /** Positions are absolute, except for nodes whose parent is in the payload too. */
  nodes: BoardNode[];
  edges: BoardEdge[];
}

let memory: ClipboardPayload | null = null;
/** How many times the current payload has been pasted, so repeated pastes do not stack. */
let pastes = 0;

function parse(text: string): ClipboardPayload | null {
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    return value && value.type === PAYLOAD_TYPE && Array.isArray(value.nodes) && Array.isArray(value.edges) ? (value as ClipboardPayload) : null;
  } catch {
    return null;
  }
}

/** The selected nodes (and their descendants) and the edges between them, or null when nothing is selected. */
export function selectionPayload(): ClipboardPayload | null {
  const s = useBoardStore.getState();
  const selected = new Set(selectedNodeIds(s));
  if (selected.size === 0) return null;
  // Children of a copied group come along.
  for (const id of s.order) {
    const parent = s.nodes.get(id)?.parent;
    if (parent && selected.has(parent)) selected.add(id);
  }
  const geo = geometry(s);
  const nodes: BoardNode[] = [];
  for (const id of s.order) {
    const node = s.nodes.get(id);
    if (!node || !selected.has(id)) continue;
    if (node.parent && selected.has(node.parent)) nodes.push({ ...node, props: { ...node.props } });
    else {
      const abs = geo.absolute(id) ?? { x: node.x, y: node.y };
      const { parent: _parent, ...rest } = node;
      nodes.push({ ...rest, props: { ...node.props }, x: Math.round(abs.x), y: Math.round(abs.y) });
    }
  }
  const edges = [...s.edges.values()].filter((e) => selected.has(e.source) && selected.has(e.target));
  return { type: PAYLOAD_TYPE, nodes, edges };
}

export async function copySelection(): Promise<boolean> {
  const payload = selectionPayload();
  if (!payload) return false;
  memory = payload;
  pastes = 0;
  try {
    await navigator.clipboard?.writeText(JSON.stringify(payload));
  } catch {
    // No permission or no focus: the in-memory copy is enough.
  }
  return true;
}

async function readSystemClipboard(): Promise<ClipboardPayload | null> {
  try {
    const read = navigator.clipboard?.readText();
    if (!read) return null;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 500));
    const text = await Promise.race([read, timeout]);
    return text ? parse(text) : null;
  } catch {
    return null;
  }
}

/** Inserts `payload` with new ids, offset from the original, and selects the new nodes. */
export function pastePayload(payload: ClipboardPayload, offset: number): string[] {
  const s = useBoardStore.getState();
  if (!s.doc || !s.writable || payload.nodes.length === 0) return [];
  const doc = s.doc;
  const ids = new Map<string, string>();
  for (const node of payload.nodes) ids.set(node.id, newId('n'));
  const created: string[] = [];
  doc.transact(() => {
    for (const node of payload.nodes) {
      const id = ids.get(node.id)!;
      const parent = node.parent ? ids.get(node.parent) : undefined;
      const { parent: _parent, ...rest } = node;
      putNode(doc, {
        ...rest,
        id,
        x: parent ? node.x : node.x + offset,
        y: parent ? node.y : node.y + offset,
        ...(parent ? { parent } : {}),
      });
      created.push(id);
    }
    for (const edge of payload.edges) {
      const source = ids.get(edge.source);
      const target = ids.get(edge.target);
      if (source && target) putEdge(doc, { ...edge, id: newId('e'), source, target });
    }
  }, LOCAL_ORIGIN);
  selectOnly(created.filter((id) => !payload.nodes.find((n) => ids.get(n.id) === id)?.parent));
  return created;
}

/** Pastes the system clipboard's payload if it holds one, else the in-memory one. */
export async function paste(): Promise<string[]> {
  const fromSystem = await readSystemClipboard();
  const payload = fromSystem ?? memory;
  if (!payload) return [];
  if (fromSystem && memory && JSON.stringify(fromSystem) !== JSON.stringify(memory)) {
    memory = fromSystem;
    pastes = 0;
  }
  pastes++;
  return pastePayload(payload, OFFSET * pastes);
}

/** Copies and pastes the selection in one go, without touching the clipboard. */
export function duplicateSelection(): string[] {
  const payload = selectionPayload();
  return payload ? pastePayload(payload, OFFSET) : [];
}
