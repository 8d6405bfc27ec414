/**
 * The rules reviewer: `reviewBoard(board, prompt, rubric) → Review`. Pure and deterministic:
 * no clock, no randomness, no I/O. Every piece of evidence points at a node, an edge or a
 * section of the board it judged.
 */
import type { Board } from '../board/schema';
import { SECTION_TITLES } from '../board/sections';
import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES } from '../rubric/items';
import { overallScore, type Review, type ReviewItem, type RubricSet } from '../rubric/schema';
import { addAnswers, judgeAnswer, type ReviewAnswer } from './answers';
import { buildCorpus } from './corpus';
import { pickFollowUps, type FollowUpSource } from './followups';
import { analyseGraph } from './graph';
import { scoreItem, summarize } from './score';
import { addTrafficEvidence } from './traffic-evidence';

/** What the reviewer needs from a prompt (the prompt library's `Prompt` fits). */
export interface ReviewPrompt {
  id: string;
  followUps?: ReadonlyArray<FollowUpSource & { points?: readonly string[] }>;
  /** What a strong answer covers per item: answers are judged against it too. */
  strongAnswer?: Partial<Record<string, readonly string[]>>;
}

/** What the candidate said besides the board: answers to follow-up and live questions. */
export interface ReviewExtras {
  answers?: readonly ReviewAnswer[];
}

export function reviewBoard(board: Board, prompt: ReviewPrompt | undefined, rubric: RubricSet, extras: ReviewExtras = {}): Review {
  const warnings: string[] = [];
  const promptId = prompt?.id ?? board.meta.prompt ?? '';
  const promptRubric = promptId ? rubric.forPrompt(promptId) : undefined;
  if (!promptId) warnings.push('No prompt given: judged against the generic rubric only.');
  else if (!promptRubric) warnings.push(`No rubric expectations for prompt "${promptId}": judged against the generic rubric only.`);

  const corpus = buildCorpus(board);
  if (extras.answers && extras.answers.length > 0) {
    const key = { followUps: prompt?.followUps, strongAnswer: prompt?.strongAnswer };
    addAnswers(corpus, extras.answers.map((a) => judgeAnswer(a, key)));
  }
  const graph = analyseGraph(board);
  for (const id of corpus.wordListSections) {
    warnings.push(`Section "${SECTION_TITLES[id]}" is a list of terms without explanation; a list earns no credit.`);
  }
  if (board.nodes.length === 0) warnings.push('The board has no diagram: the high-level design was judged on text alone.');

  const weights: Record<string, number> = {};
  const items: ReviewItem[] = [];
  const scores: Array<{ id: (typeof RUBRIC_ITEM_IDS)[number]; score: number; weight: number; probe: string }> = [];
  for (const id of RUBRIC_ITEM_IDS) {
    const item = rubric.generic.items.find((i) => i.id === id);
    if (!item) throw new Error(`The generic rubric has no item "${id}"`);
    weights[id] = item.weight;
    const outcome = scoreItem(item, promptRubric, rubric.generic.thresholds, { corpus, graph, item: id });
    items.push({
      id,
      title: RUBRIC_ITEM_TITLES[id],
      score: outcome.score,
      max: 4,
      summary: summarize(item.descriptors[outcome.score] ?? '', outcome),
      evidence: outcome.evidence,
      missing: outcome.score >= 4 ? outcome.missing.slice(0, 2) : outcome.missing,
    });
    scores.push({ id, score: outcome.score, weight: item.weight, probe: item.probe });
  }

  const followUps = pickFollowUps({
    scores,
    promptFollowUps: [...(prompt?.followUps ?? []), ...(promptRubric?.followUps ?? [])],
    bank: rubric.followUpBank,
    corpus,
    graph,
  });
  if (rubric.capacity) addTrafficEvidence(board, rubric.capacity, items, followUps);

  return {
    prompt: promptId,
    reviewer: 'rules',
    overall: overallScore(items, weights),
    items,
    followUps,
    warnings,
  };
}
