/**
 * The rules reviewer: the board scored against the prompt's rubric, offline and synchronous.
 * A file of its own so the rules thread (rules-thread.ts) loads it without the model's SDK.
 */
import type { Board } from '../../../core/src';
import { reviewBoard } from '../../../core/src/reviewer/index';
import type { Review, RubricSet } from '../../../core/src/rubric/schema';
import type { PromptLibrary } from '../data/prompts';
import type { ReviewInput, Reviewer } from './registry';

export interface RulesReviewerDeps {
  prompts: Pick<PromptLibrary, 'get'> | undefined;
  rubrics: RubricSet;
}

export function createRulesReviewer(deps: RulesReviewerDeps): Reviewer & { sync(input: ReviewInput): Review } {
  const sync = (input: ReviewInput): Review => {
    const prompt = deps.prompts?.get(input.promptId) ?? { id: input.promptId };
    const review = reviewBoard(input.board, prompt, deps.rubrics, { answers: input.answers });
    if (input.curveballs && input.curveballs.length > 0) describeCurveballs(review, input);
    return review;
  };
  return {
    name: 'rules',
    available: true,
    sync,
    async review(input, progress) {
      const started = Date.now();
      progress('rules', 'The rules reviewer is reading the board.');
      const review = sync(input);
      return { review, meta: { reviewer: 'rules', requested: 'rules', latencyMs: Date.now() - started, attempts: 0, warnings: review.warnings } };
    },
  };
}

/**
 * Says, in the summary of the item a curveball tests, how the board changed after it: what was
 * added or rewritten since, or that nothing was.
 */
function describeCurveballs(review: Review, input: ReviewInput): void {
  for (const curveball of input.curveballs ?? []) {
    const item = review.items.find((i) => i.id === (curveball.item ?? 'scaling')) ?? review.items.find((i) => i.id === 'scaling');
    if (!item) continue;
    const beforeIds = new Set(curveball.before.nodes.map((n) => n.id));
    const added = input.board.nodes.filter((n) => !beforeIds.has(n.id)).map((n) => n.label || n.kind);
    const changedSections = (Object.keys(input.board.sections) as Array<keyof Board['sections']>).filter(
      (id) => (input.board.sections[id] ?? '').trim() !== (curveball.before.sections[id] ?? '').trim(),
    );
    const parts: string[] = [];
    if (added.length > 0) parts.push(`added ${added.slice(0, 4).join(', ')}${added.length > 4 ? ` and ${added.length - 4} more` : ''}`);
    if (changedSections.length > 0) parts.push(`rewrote ${changedSections.join(', ')}`);
    const answer = parts.length > 0 ? `the design ${parts.join(' and ')}.` : 'the board has not changed since, so the design has not answered it yet.';
    item.summary = `${item.summary} After the curveball "${curveball.text}": ${answer}`;
  }
}
