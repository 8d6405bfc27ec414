/**
 * A solo candidate's attempts, remembered by this browser (there are no accounts): one entry
 * per practice session, holding the scores of its latest critique, so the history can show
 * earlier attempts at the same prompt and each item's score across them. Kept in
 * localStorage under its own key; entries that do not parse (an older format, a hand edit)
 * are skipped, never fatal.
 */
import { z } from 'zod';
import { RUBRIC_ITEM_IDS, type Review, type RubricItemId } from '../../../core/src';

export const ATTEMPTS_KEY = 'designroom:practice-attempts';
/** Older attempts beyond this are forgotten, so the key stays a few kilobytes. */
export const MAX_ATTEMPTS = 60;

const attemptSchema = z.object({
  sessionId: z.string().min(1),
  prompt: z.string().min(1),
  /** When this browser first critiqued the session (epoch ms): the attempt's place in time. */
  firstAt: z.number(),
  /** When its latest critique was made. */
  lastAt: z.number(),
  overall: z.number(),
  reviewer: z.string(),
  /** Item scores of the latest critique, by rubric item id. */
  scores: z.partialRecord(z.enum(RUBRIC_ITEM_IDS), z.number().int().min(0).max(4)),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** The part of the Web Storage API used here (tests pass their own). */
export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Every remembered attempt that parses, oldest first. */
export function loadAttempts(storage: AttemptStorage): Attempt[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(ATTEMPTS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const attempts = raw.flatMap((entry) => {
    const parsed = attemptSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  return attempts.sort((a, b) => a.firstAt - b.firstAt);
}

/**
 * Records a critique of `sessionId`: the attempt's scores become this review's (a later
 * critique of the same session replaces an earlier one; an older one arriving late does not,
 * and recording the same critique twice changes nothing). Returns the attempts as stored. A full or unavailable storage (private mode) keeps the
 * history for this page only: the attempts are still returned.
 */
export function recordCritique(storage: AttemptStorage, entry: { sessionId: string; prompt: string; at: number; review: Review }): Attempt[] {
  const attempts = loadAttempts(storage);
  const { sessionId, prompt, at, review } = entry;
  const scores: Attempt['scores'] = {};
  for (const item of review.items) scores[item.id] = item.score;
  const existing = attempts.find((a) => a.sessionId === sessionId);
  if (existing) {
    existing.firstAt = Math.min(existing.firstAt, at);
    if (at >= existing.lastAt) Object.assign(existing, { lastAt: at, overall: review.overall, reviewer: review.reviewer, scores, prompt });
  } else {
    attempts.push({ sessionId, prompt, firstAt: at, lastAt: at, overall: review.overall, reviewer: review.reviewer, scores });
  }
  attempts.sort((a, b) => a.firstAt - b.firstAt);
  const kept = attempts.slice(-MAX_ATTEMPTS);
  try {
    storage.setItem(ATTEMPTS_KEY, JSON.stringify(kept));
  } catch {
    // Quota or private mode: nothing else to do, the caller still shows `kept`.
  }
  return kept;
}

/** The attempts at `prompt`, oldest first. */
export function attemptsAt(attempts: readonly Attempt[], prompt: string): Attempt[] {
  return attempts.filter((a) => a.prompt === prompt);
}

/** One item's scores across `attempts` (null where an attempt has no score for it), for the chart. */
export function itemSeries(attempts: readonly Attempt[]): { id: RubricItemId; scores: (number | null)[] }[] {
  return RUBRIC_ITEM_IDS.map((id) => ({ id, scores: attempts.map((a) => a.scores[id] ?? null) }));
}
