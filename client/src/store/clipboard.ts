/**
 * Copy, paste and duplicate of selected nodes (with the edges between them). The payload is
 * JSON on the system clipboard when the browser allows it, and always kept in memory too, so
 * paste works between boards in one browser even without clipboard permission. What comes
 * from the system clipboard is validated first (clipboard-check.ts); text that looks like a
 * design doc, a Mermaid flowchart or an Excalidraw scene is offered as an import instead.
 */
import { putEdge, putNode, type BoardNode } from '../../../core/src';
import { looksImportable, requestImport } from '../import/import-request';
import { LOCAL_ORIGIN } from '../sync/origins';
import { geometry, selectedNodeIds, selectOnly, useBoardStore } from './board';
import { checkClipboardText, PAYLOAD_TYPE, type ClipboardPayload } from './clipboard-check';
import { newId } from './ids';
import { showNotice } from './notice';

export type { ClipboardPayload } from './clipboard-check';

const OFFSET = 32;

let memory: ClipboardPayload | null = null;
/** How many times the current payload has been pasted, so repeated pastes do not stack. */
let pastes = 0;

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

async function readSystemClipboard(): Promise<string | null> {
  try {
    const read = navigator.clipboard?.readText();
    if (!read) return null;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 500));
    return await Promise.race([read, timeout]);
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

/**
 * Pastes the system clipboard's payload if it holds a valid one, else the in-memory one. An
 * invalid payload is refused with a message and changes nothing; importable text opens the
 * import dialog.
 */
export async function paste(): Promise<string[]> {
  const text = await readSystemClipboard();
  const check = text ? checkClipboardText(text) : null;
  if (check && !check.ok) {
    showNotice(check.message, 'error');
    return [];
  }
  if (!check && text && looksImportable(text)) {
    requestImport({ text, source: 'paste' });
    return [];
  }
  const fromSystem = check?.payload ?? null;
  const payload = fromSystem ?? memory;
  if (!payload) return [];
  if (check && check.notices.length > 0) showNotice(check.notices.join(' '));
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
