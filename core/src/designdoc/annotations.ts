import { BOARD_LIMITS } from '../board/schema';
import type { DesignDocWarning } from './errors';
import type { MermaidAnnotation } from './mermaid';

/**
 * What the board holds that Mermaid cannot say, carried in `%% designroom-<name>: <json>`
 * comment lines inside the diagram block (Mermaid ignores `%%` lines, so the block stays valid
 * and renders the same). All keys are board ids. See docs/design-doc-format-notes.md.
 *
 * - `layout`: `{"<id>": [x, y]}` or `[x, y, width|null, height|null]`, for every node.
 * - `ids`: `{"<mermaid id>": "<board id>"}` for board ids Mermaid cannot carry (`end`, `a--b`).
 * - `edge-ids`: `{"<source>><target>[#n]": "<edge id>"}` for edges whose id is not the derived one.
 * - `node`: `{"id": "<id>", "notes": "...", "props": {...}}`, one line per node with notes or props.
 */

const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1_000_000;
const isSize = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100_000);

/** Own entries of a parsed JSON object (not an array); own keys only, so `__proto__` is just a key. */
function entriesOf(value: unknown): [string, unknown][] | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : null;
}

function readPlacement(value: unknown): StoredPlacement | null {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 4)) return null;
  const [x, y, width = null, height = null] = value as unknown[];
  if (!isCoordinate(x) || !isCoordinate(y) || !isSize(width) || !isSize(height)) return null;
  const placement: StoredPlacement = { x, y };
  if (width !== null) placement.width = width;
  if (height !== null) placement.height = height;
  return placement;
}

function readStringMap(value: unknown): Map<string, string> | null {
  const entries = entriesOf(value);
  if (!entries || entries.some(([, v]) => typeof v !== 'string')) return null;
  return new Map(entries as [string, string][]);
}

function readNodeExtras(value: unknown): { id: string; notes?: string; props?: Record<string, string> } | null {
  const entries = entriesOf(value);
  if (!entries) return null;
  const record = new Map(entries);
  const id = record.get('id');
  const notes = record.get('notes');
  if (typeof id !== 'string' || (notes !== undefined && (typeof notes !== 'string' || notes.length > BOARD_LIMITS.maxNotesLength))) return null;
  const rawProps = record.get('props');
  let props: Record<string, string> | undefined;
  if (rawProps !== undefined) {
    const map = readStringMap(rawProps);
    if (!map || [...map].some(([k, v]) => k.length > 40 || v.length > 200)) return null;
    props = Object.fromEntries(map);
  }
  return { id, ...(notes === undefined ? {} : { notes }), ...(props === undefined ? {} : { props }) };
}

/** A stored position (and size) for one node. */
export interface StoredPlacement {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Everything read from the annotation lines of one diagram. */
export interface Annotations {
  layout: Map<string, StoredPlacement>;
  ids: Map<string, string>;
  edgeIds: Map<string, string>;
  nodes: Map<string, { notes?: string; props?: Record<string, string> }>;
}

/** Reads annotation lines; a malformed one is skipped with a warning, never fatal. */
export function readAnnotations(list: readonly MermaidAnnotation[], warnings: DesignDocWarning[]): Annotations {
  const out: Annotations = { layout: new Map(), ids: new Map(), edgeIds: new Map(), nodes: new Map() };
  for (const { name, json, line } of list) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      warnings.push({ line, message: `designroom-${name} comment is not valid JSON; it is ignored` });
      continue;
    }
    const bad = (): void => {
      warnings.push({ line, message: `designroom-${name} comment has an unexpected shape; it is ignored` });
    };
    if (name === 'layout') {
      const entries = entriesOf(value);
      const placements = entries?.map(([id, v]) => [id, readPlacement(v)] as const);
      if (!placements || placements.some(([, p]) => p === null)) bad();
      else for (const [id, p] of placements) if (p) out.layout.set(id, p);
    } else if (name === 'ids' || name === 'edge-ids') {
      const map = readStringMap(value);
      if (!map) bad();
      else for (const [k, v] of map) (name === 'ids' ? out.ids : out.edgeIds).set(k, v);
    } else if (name === 'node') {
      const extras = readNodeExtras(value);
      if (!extras) bad();
      else out.nodes.set(extras.id, { notes: extras.notes, props: extras.props });
    } else {
      warnings.push({ line, message: `unknown designroom-${name} comment is ignored` });
    }
  }
  return out;
}

/**
 * JSON for a `%%` line. `<` and `&` are escaped so the line never carries markup or entities
 * (`>` alone is harmless and keeps edge keys readable), and U+2028/U+2029 so no tool sees a
 * line break inside it.
 */
export function annotationJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
