import { z } from 'zod';

/**
 * The interviewer's hire / no-hire call, kept with their private scores. Four steps and no
 * middle: a debrief needs a lean either way, as most hiring scorecards ask.
 */
export const RECOMMENDATIONS = ['strong-no-hire', 'no-hire', 'lean-hire', 'strong-hire'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** How each recommendation reads on screen. */
export const RECOMMENDATION_TITLES: Record<Recommendation, string> = {
  'strong-no-hire': 'Strong no hire',
  'no-hire': 'No hire',
  'lean-hire': 'Lean hire',
  'strong-hire': 'Strong hire',
};

/** What the interviewer sends: the call and why. */
export const recommendationInputSchema = z.object({
  verdict: z.enum(RECOMMENDATIONS),
  reason: z.string().trim().max(2000).default(''),
});

/** As stored and read back: with when it was last changed. */
export const recommendationSchema = recommendationInputSchema.extend({ at: z.number() });
export type StoredRecommendation = z.infer<typeof recommendationSchema>;

/** Whether the candidate may see the automatic review of a live round (held back until the interviewer releases it). */
export const reviewReleaseSchema = z.object({ released: z.boolean() });
