/** The eight rubric items, in the order of review-contract.md. Their ids are a contract. */
export const RUBRIC_ITEM_IDS = [
  'requirements',
  'estimation',
  'api',
  'data-model',
  'high-level-design',
  'scaling',
  'reliability',
  'trade-offs',
] as const;

export type RubricItemId = (typeof RUBRIC_ITEM_IDS)[number];

export const RUBRIC_ITEM_TITLES: Record<RubricItemId, string> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  api: 'API',
  'data-model': 'Data model',
  'high-level-design': 'High-level design',
  scaling: 'Scaling',
  reliability: 'Reliability',
  'trade-offs': 'Trade-offs',
};
