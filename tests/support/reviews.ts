import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES, reviewSchema, type Review, type RubricItemId } from '../../core/src';

/** A contract-valid Review with the given scores (2 for items not named) and follow-ups. */
export function reviewWith(scores: Partial<Record<RubricItemId, number>>, followUps: { item: RubricItemId; question: string }[] = []): Review {
  return reviewSchema.parse({
    prompt: 'url-shortener',
    reviewer: 'rules',
    overall: 50,
    items: RUBRIC_ITEM_IDS.map((id) => ({ id, title: RUBRIC_ITEM_TITLES[id], score: scores[id] ?? 2, max: 4, summary: '', evidence: [], missing: [] })),
    followUps,
    warnings: [],
  });
}
