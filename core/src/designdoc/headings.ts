import type { SectionId } from '../board/sections';

/**
 * The heading names of the contract (docs/design-doc-format.md, "Sections"), as data.
 * `notes` is listed so that a `## Notes` heading written by the formatter comes back as notes
 * without being treated as an unknown heading.
 */
const HEADINGS: Readonly<Record<SectionId, readonly string[]>> = {
  requirements: ['requirements', 'functional requirements', 'non-functional requirements', 'scope', 'clarifying questions'],
  estimation: ['estimation', 'capacity', 'capacity estimation', 'back-of-the-envelope', 'scale estimates'],
  api: ['api', 'api design', 'endpoints', 'interface'],
  'data-model': ['data model', 'schema', 'database schema', 'storage', 'entities'],
  'high-level-design': ['high-level design', 'architecture', 'design', 'diagram', 'components'],
  scaling: ['scaling', 'scale', 'deep dive', 'bottlenecks', 'performance'],
  reliability: ['reliability', 'fault tolerance', 'failure handling', 'availability', 'durability'],
  'trade-offs': ['trade-offs', 'tradeoffs', 'alternatives', 'alternatives considered', 'decisions'],
  notes: ['notes'],
};

/**
 * Reduces a heading to the letters and digits that matter: case, punctuation and spacing are
 * ignored, so "High level design", "High-Level Design:" and "high-level design" all match.
 * A leading enumeration ("1.", "2)") is dropped because numbered outlines are common.
 */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*\d+\s*[.)]\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY: ReadonlyMap<string, SectionId> = new Map(
  Object.entries(HEADINGS).flatMap(([id, names]) => names.map((name) => [headingKey(name), id as SectionId] as const)),
);

/** The section a `##` heading belongs to, or null when it matches none of the contract's names. */
export function matchHeading(heading: string): SectionId | null {
  return BY_KEY.get(headingKey(heading)) ?? null;
}

/** The section a `##` heading belongs to; unmatched headings are free-form notes (never dropped). */
export function sectionForHeading(heading: string): SectionId {
  return matchHeading(heading) ?? 'notes';
}
