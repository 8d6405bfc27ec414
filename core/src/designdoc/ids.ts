import { BOARD_LIMITS, idSchema } from '../board/schema';

/**
 * Ids across the Mermaid boundary. Board ids allow `[A-Za-z0-9_-]`; Mermaid ids are looser in
 * some ways (dots, unicode) and stricter in others (`end` breaks a flowchart, `--` reads as an
 * edge). These helpers keep both sides valid and deterministic.
 */

/** True when `id` satisfies the board's `idSchema`. */
export function isBoardId(id: string): boolean {
  return idSchema.safeParse(id).success;
}

/** Words a flowchart statement can start with; a node called like this would be misread. */
const RESERVED = new Set([
  'end', 'subgraph', 'graph', 'flowchart', 'style', 'class', 'classdef', 'click', 'linkstyle',
  'direction', 'default', 'call', 'href', 'interpolate', 'acctitle', 'accdescr',
]);

/** Ids the formatter can write as-is: single hyphens between word characters, not a keyword. */
export function isMermaidSafeId(id: string): boolean {
  return /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/.test(id) && id.length <= BOARD_LIMITS.maxIdLength && !RESERVED.has(id.toLowerCase());
}

/** Short stable hash (FNV-1a, 32 bits, hex) used where an id would otherwise be too long. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Makes `candidate` unique against `taken` by appending `<sep>2`, `<sep>3`, ... within the length limit. */
export function uniqueId(candidate: string, taken: { has(id: string): boolean }, sep = '-'): string {
  if (!taken.has(candidate)) return candidate;
  for (let k = 2; ; k++) {
    const suffix = `${sep}${k}`;
    const next = candidate.slice(0, BOARD_LIMITS.maxIdLength - suffix.length) + suffix;
    if (!taken.has(next)) return next;
  }
}

/** A board-valid id for an arbitrary Mermaid id: invalid characters become `_`, length is capped. */
export function sanitizeId(raw: string): string {
  const replaced = raw.replace(/[^A-Za-z0-9_-]/g, '_');
  if (replaced.length === 0) return 'node';
  if (replaced.length <= BOARD_LIMITS.maxIdLength) return replaced;
  return `${replaced.slice(0, BOARD_LIMITS.maxIdLength - 9)}_${shortHash(raw)}`;
}

/** A Mermaid-safe stand-in for a board id the formatter cannot write as-is. */
export function mermaidAlias(id: string, taken: { has(id: string): boolean }): string {
  let base = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (base.length === 0 || RESERVED.has(base.toLowerCase())) base = `n_${base}`;
  return uniqueId(base.slice(0, BOARD_LIMITS.maxIdLength), taken, '_');
}

/** The key an edge id override is stored under: source, target and which of their parallel edges. */
export function edgeKey(source: string, target: string, occurrence: number): string {
  return occurrence === 1 ? `${source}>${target}` : `${source}>${target}#${occurrence}`;
}

function derivedEdgeId(source: string, target: string): string {
  const plain = `e-${source}-${target}`;
  if (plain.length <= 56) return plain;
  return `e-${source.slice(0, 20)}-${target.slice(0, 20)}-${shortHash(`${source}\u0000${target}`)}`;
}

/**
 * Edge ids for edges in document order: `e-<source>-<target>`, `-2`, `-3` for parallel edges.
 * `overrides` (edge key → id, from the file) win when valid and unused; derived ids never take
 * an override's id, so an overridden edge always gets exactly its recorded id.
 */
export function assignEdgeIds(
  edges: ReadonlyArray<{ source: string; target: string }>,
  overrides: ReadonlyMap<string, string> = new Map(),
): string[] {
  const reserved = new Set([...overrides.values()].filter(isBoardId));
  const used = new Set<string>();
  const occurrences = new Map<string, number>();
  return edges.map(({ source, target }) => {
    const pair = `${source}>${target}`;
    const n = (occurrences.get(pair) ?? 0) + 1;
    occurrences.set(pair, n);
    const override = overrides.get(edgeKey(source, target, n));
    if (override !== undefined && isBoardId(override) && !used.has(override)) {
      used.add(override);
      return override;
    }
    const id = uniqueId(derivedEdgeId(source, target), { has: (c) => used.has(c) || reserved.has(c) });
    used.add(id);
    return id;
  });
}
