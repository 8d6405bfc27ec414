/**
 * The follow-up dialogue's pure logic: which question the reviewer asks next, and how each
 * item's score moved between two critiques.
 */
import { RUBRIC_ITEM_IDS, type Review, type RubricItemId } from '../../../core/src';

export interface DialogueQuestion {
  item: RubricItemId;
  question: string;
}

/** A question already dealt with: answered (stored on the server) or skipped in this browser. */
export interface Asked {
  item: string;
  question: string;
}

const key = (q: Asked) => `${q.item}\u0000${q.question.trim()}`;

/**
 * The next follow-up of `review` to put to the candidate, or null when none is left: the
 * weakest item first (lowest score; the review's own order breaks ties, since it already
 * ranks follow-ups weakest first), never a question in `done`, and never one for an item
 * already at full marks, where there is no credit left to earn.
 */
export function nextFollowUp(review: Review, done: readonly Asked[]): DialogueQuestion | null {
  const scores = new Map(review.items.map((item) => [item.id, item]));
  const seen = new Set(done.map(key));
  const open = review.followUps
    .map((f, index) => ({ f, index, score: scores.get(f.item)?.score ?? 0, max: scores.get(f.item)?.max ?? 4 }))
    .filter(({ f, score, max }) => score < max && !seen.has(key(f)));
  open.sort((a, b) => a.score - b.score || a.index - b.index);
  const first = open[0];
  return first ? { item: first.f.item, question: first.f.question } : null;
}

/** How many follow-ups of `review` are still open for the candidate (the one being asked included). */
export function openFollowUps(review: Review, done: readonly Asked[]): number {
  let count = 0;
  const rest = [...done];
  for (let next = nextFollowUp(review, rest); next; next = nextFollowUp(review, rest)) {
    count++;
    rest.push(next);
  }
  return count;
}

export interface ItemDelta {
  id: RubricItemId;
  score: number;
  /** The score in the previous critique, or null when there is none. */
  previous: number | null;
  /** score − previous; 0 without a previous critique. */
  delta: number;
}

/** Each item's score in `current` against `previous` (the critique before it), in contract order. */
export function itemDeltas(current: Review, previous: Review | null): ItemDelta[] {
  const before = new Map(previous?.items.map((i) => [i.id, i.score]) ?? []);
  return RUBRIC_ITEM_IDS.flatMap((id) => {
    const item = current.items.find((i) => i.id === id);
    if (!item) return [];
    const prior = before.get(id) ?? null;
    return [{ id, score: item.score, previous: prior, delta: prior === null ? 0 : item.score - prior }];
  });
}

/** "+2", "−1" or "±0": a delta as the UI prints it. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${-delta}`;
  return '\u00b10';
}
