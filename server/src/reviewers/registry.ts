/**
 * The reviewer seam: one registry of reviewers, injectable through the app's dependencies,
 * used by the HTTP routes, the session close, the room participant and the CLI alike. Every
 * review that leaves the seam has been validated against the contract's Review schema.
 */
import { REVIEWER_NAMES, type Board, type ReviewerName, type ReviewMeta, type ReviewStage } from '../../../core/src';
import type { ReviewAnswer } from '../../../core/src/reviewer/index';
import { reviewSchema, type Review } from '../../../core/src/rubric/schema';
import type { PromptLibrary } from '../data/prompts';
import type { LoadedRubrics } from '../data/rubrics';
import { createOpenAIReviewer, type OpenAISettings } from './openai-reviewer';
import { createRulesReviewer } from './rules-reviewer';

export { REVIEWER_NAMES, type ReviewerName };

/** A curveball and the board as it stood when it was given. */
export interface CurveballContext {
  text: string;
  at: number;
  /** The rubric item the change mostly tests. */
  item?: string;
  before: Board;
}

/** Everything a reviewer judges. */
export interface ReviewInput {
  board: Board;
  promptId: string;
  answers: readonly ReviewAnswer[];
  curveballs?: readonly CurveballContext[];
}

export type ProgressFn = (stage: ReviewStage, message: string) => void;

export interface ReviewOutcome {
  review: Review;
  meta: ReviewMeta;
}

/** One reviewer. `review` never throws for a model failure: it falls back and says so. */
export interface Reviewer {
  readonly name: ReviewerName;
  readonly available: boolean;
  readonly model?: string;
  review(input: ReviewInput, progress: ProgressFn): Promise<ReviewOutcome>;
}

export interface ReviewerInfo {
  name: ReviewerName;
  available: boolean;
  model?: string;
}

export interface Reviewers {
  list(): ReviewerInfo[];
  /** The model when one is configured, else the rules. */
  readonly defaultName: ReviewerName;
  run(requested: ReviewerName, input: ReviewInput, progress?: ProgressFn): Promise<ReviewOutcome>;
  /** The rules reviewer alone, synchronously: the live checklist and follow-ups use it. */
  rules(input: ReviewInput): Review;
}

export interface ReviewerDeps {
  prompts: PromptLibrary | undefined;
  rubrics: LoadedRubrics;
  openai?: OpenAISettings;
  /** Tests replace a reviewer here. */
  override?: Partial<Record<ReviewerName, Reviewer>>;
}

export function createReviewers(deps: ReviewerDeps): Reviewers {
  const rules = createRulesReviewer(deps);
  const openai = deps.override?.openai ?? createOpenAIReviewer({ settings: deps.openai, prompts: deps.prompts, rubrics: deps.rubrics, rules: rules.sync });
  const byName: Record<ReviewerName, Reviewer> = { rules: deps.override?.rules ?? rules, openai };
  const defaultName: ReviewerName = openai.available ? 'openai' : 'rules';
  return {
    defaultName,
    list: () => REVIEWER_NAMES.map((name) => ({ name, available: byName[name].available, ...(byName[name].model ? { model: byName[name].model } : {}) })),
    rules: (input) => reviewSchema.parse(rules.sync(input)),
    async run(requested, input, progress = () => undefined) {
      progress('started', `Review requested from the ${requested} reviewer.`);
      let outcome: ReviewOutcome;
      const chosen = byName[requested];
      if (!chosen.available) {
        outcome = await byName.rules.review(input, progress);
        const warning = 'The OpenAI reviewer is not configured on this server; the rules reviewer answered instead.';
        outcome.review.warnings.push(warning);
        outcome.meta = { ...outcome.meta, requested, warnings: [...outcome.review.warnings] };
      } else {
        outcome = await chosen.review(input, progress);
      }
      progress('validating', 'Checking the review against the contract.');
      const checked = reviewSchema.safeParse(outcome.review);
      if (!checked.success) {
        progress('failed', 'The review did not match the contract.');
        throw new Error(`the ${outcome.meta.reviewer} reviewer produced an invalid review: ${checked.error.issues[0]?.message ?? ''}`);
      }
      progress('done', `Review ready (${checked.data.reviewer}, ${checked.data.overall}/100).`);
      return { review: checked.data, meta: outcome.meta };
    },
  };
}
