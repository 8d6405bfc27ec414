/**
 * What the rules thread (rules-thread.ts) needs to review boards, as plain data it can be
 * handed once at start (a worker gets copies, never functions), and the messages it speaks.
 */
import type { FollowUpBank, GenericRubric, PromptRubric, Review, RubricSet } from '../../../core/src/rubric/schema';
import type { Prompt, PromptLibrary } from '../data/prompts';
import type { LoadedRubrics } from '../data/rubrics';
import type { ReviewInput } from './registry';
import type { RulesReviewerDeps } from './rules-reviewer';

export interface RulesSnapshot {
  prompts: Prompt[];
  generic: GenericRubric;
  followUpBank: FollowUpBank;
  capacity: RubricSet['capacity'];
  rubricsByPrompt: Record<string, PromptRubric>;
}

/** A board to review; `id` pairs the reply with it. */
export interface RulesRequest {
  id: number;
  input: ReviewInput;
}

/** The review (already checked against the contract) or why there is none, and the thread's time on it. */
export type RulesReply = { id: number; ms: number; review: Review } | { id: number; ms: number; error: string };

/** Said once the thread can take requests. */
export interface RulesReady {
  ready: true;
}

export function snapshotRules(prompts: PromptLibrary, rubrics: LoadedRubrics): RulesSnapshot {
  const rubricsByPrompt: Record<string, PromptRubric> = {};
  for (const id of rubrics.promptIds()) {
    const rubric = rubrics.forPrompt(id);
    if (rubric) rubricsByPrompt[id] = rubric;
  }
  const all = prompts.list().flatMap(({ id }) => prompts.get(id) ?? []);
  return { prompts: all, generic: rubrics.generic, followUpBank: rubrics.followUpBank, capacity: rubrics.capacity, rubricsByPrompt };
}

export function rulesFromSnapshot(snapshot: RulesSnapshot): RulesReviewerDeps {
  const prompts = new Map(snapshot.prompts.map((prompt) => [prompt.id, prompt]));
  const rubrics = new Map(Object.entries(snapshot.rubricsByPrompt));
  return {
    prompts: { get: (id) => prompts.get(id) },
    rubrics: {
      generic: snapshot.generic,
      followUpBank: snapshot.followUpBank,
      ...(snapshot.capacity ? { capacity: snapshot.capacity } : {}),
      forPrompt: (id) => rubrics.get(id),
    },
  };
}
