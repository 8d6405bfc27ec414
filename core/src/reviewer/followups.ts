/**
 * Follow-up questions: the weakest items first. For each, the item's own probe when it is
 * absent or superficial (score ≤ 1: it targets the gap), then the prompt's follow-ups for that
 * item, then questions from the shared bank whose trigger matches what the board holds (a
 * cache → invalidation). A partly covered item (score 2) gets the probe only when nothing more
 * specific applies; a covered item (3) never gets it.
 */
import type { RubricItemId } from '../rubric/items';
import type { FollowUpBank, ReviewFollowUp } from '../rubric/schema';
import type { Corpus } from './corpus';
import type { GraphFacts } from './graph';
import { compileTerms, matchesAny } from './text';

export interface FollowUpSource {
  item: string;
  question: string;
}

export interface FollowUpInput {
  scores: Array<{ id: RubricItemId; score: number; weight: number; probe: string }>;
  promptFollowUps: readonly FollowUpSource[];
  bank: FollowUpBank;
  corpus: Corpus;
  graph: GraphFacts;
  limit?: number;
  perItem?: number;
}

const compiledTriggers = new WeakMap<object, string[]>();

export function pickFollowUps(input: FollowUpInput): ReviewFollowUp[] {
  const { scores, promptFollowUps, bank, corpus, graph } = input;
  const limit = input.limit ?? 6;
  const perItem = input.perItem ?? 2;
  const order = scores
    .map((s, index) => ({ ...s, index }))
    .sort((a, b) => a.score - b.score || b.weight - a.weight || a.index - b.index);

  const triggered = bank.followUps.filter((f) => {
    if (f.when.always) return true;
    if (f.when.kinds.some((k) => graph.kinds.has(k))) return true;
    let terms = compiledTriggers.get(f.when);
    if (!terms) {
      terms = compileTerms(f.when.terms);
      compiledTriggers.set(f.when, terms);
    }
    return terms.length > 0 && corpus.units.some((u) => !u.list && matchesAny(u.key, terms as string[]) !== undefined);
  });

  const out: ReviewFollowUp[] = [];
  const asked = new Set<string>();
  const add = (item: RubricItemId, question: string): boolean => {
    if (asked.has(question) || out.length >= limit) return false;
    asked.add(question);
    out.push({ item, question });
    return true;
  };

  for (const entry of order) {
    if (entry.score >= 4 || out.length >= limit) continue;
    let taken = 0;
    const candidates: string[] = [];
    if (entry.score <= 1) candidates.push(entry.probe);
    candidates.push(...promptFollowUps.filter((f) => f.item === entry.id).map((f) => f.question));
    candidates.push(...triggered.filter((f) => f.item === entry.id).map((f) => f.question));
    // A partly covered item with no specific question still gets its probe.
    if (entry.score === 2 && candidates.length === 0) candidates.push(entry.probe);
    for (const question of candidates) {
      if (taken >= perItem) break;
      if (add(entry.id, question)) taken++;
    }
  }
  return out;
}
