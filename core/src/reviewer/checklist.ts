/** The live rubric checklist: a Review cut down to what the checklist shows. */
import type { Checklist } from '../protocol/reviewer';
import type { Review } from '../rubric/schema';

export function checklistOf(review: Review, at: number): Checklist {
  return {
    items: review.items.map(({ id, title, score, max, summary, missing }) => ({ id, title, score, max, summary, missing })),
    overall: review.overall,
    at,
  };
}
