/** The written parts of a design, in the order an interviewer walks through them. */
export const SECTION_IDS = [
  'requirements',
  'estimation',
  'api',
  'data-model',
  'high-level-design',
  'scaling',
  'reliability',
  'trade-offs',
  'notes',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  api: 'API',
  'data-model': 'Data model',
  'high-level-design': 'High-level design',
  scaling: 'Scaling',
  reliability: 'Reliability',
  'trade-offs': 'Trade-offs',
  notes: 'Notes',
};

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && (SECTION_IDS as readonly string[]).includes(value);
}
