import { reviewBoard } from '../../../core/src/reviewer/index';
import type { Board } from '../../../core/src';
import type { Review } from '../../../core/src/rubric/schema';
import type { PromptLibrary } from '../data/prompts';
import type { LoadedRubrics } from '../data/rubrics';

export type ReviewerName = 'rules' | 'openai';

/** One place that turns a board into a Review, whichever reviewer was asked for. */
export interface Reviewers {
  review(board: Board, promptId: string, requested: ReviewerName): Promise<Review>;
}

export function createReviewers(deps: { prompts: PromptLibrary; rubrics: LoadedRubrics }): Reviewers {
  const rules = (board: Board, promptId: string): Review => reviewBoard(board, deps.prompts.get(promptId) ?? { id: promptId }, deps.rubrics);
  return {
    async review(board, promptId, requested) {
      const review = rules(board, promptId);
      if (requested === 'openai') {
        // The OpenAI reviewer is not part of this build; the contract says a failed model
        // review falls back to the rules reviewer and says why.
        review.warnings = [...review.warnings, 'The OpenAI reviewer is not configured on this server; the rules reviewer answered instead.'];
      }
      return review;
    },
  };
}
