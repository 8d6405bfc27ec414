/**
 * What the practice flow receives from the server: the HTTP bodies and socket payloads of
 * issue 9's interface. They come from our own server, but a browser may talk to an older or
 * newer one, so each is parsed with zod where it enters (practice-socket.ts, practice-api.ts)
 * and a payload that does not fit is ignored rather than half-drawn.
 */
import { z } from 'zod';
import { RUBRIC_ITEM_IDS, reviewSchema, type Review } from '../../../core/src';

const itemId = z.enum(RUBRIC_ITEM_IDS);

export const checklistItemSchema = z.object({
  id: itemId,
  title: z.string(),
  score: z.number().int().min(0).max(4),
  max: z.number().int().positive(),
  summary: z.string(),
  missing: z.array(z.string()).default([]),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** `review:checklist`: the rules reviewer's live reading of the board. */
export const checklistSchema = z.object({ items: z.array(checklistItemSchema), overall: z.number(), at: z.number() });
export type Checklist = z.infer<typeof checklistSchema>;

/** `review:followups`: questions the board calls for, sent to interviewer sockets only. */
export const suggestedFollowUpsSchema = z.object({
  followUps: z.array(z.object({ item: itemId, question: z.string().min(1) })),
  source: z.string(),
  at: z.number(),
});
export type SuggestedFollowUps = z.infer<typeof suggestedFollowUpsSchema>;

/** `review:progress`: a stage of a review in progress ("reading the board", "asking the model", ...). */
export const progressSchema = z.object({ requestId: z.string(), stage: z.string(), message: z.string() });
export type ReviewProgress = z.infer<typeof progressSchema>;

export const curveballSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string(), at: z.number(), effect: z.string().optional() });
export type Curveball = z.infer<typeof curveballSchema>;

export const reviewerInfoSchema = z.object({ name: z.string(), available: z.boolean(), model: z.string().optional() });
export const reviewersSchema = z.object({ reviewers: z.array(reviewerInfoSchema), default: z.string() });
export type ReviewersInfo = z.infer<typeof reviewersSchema>;

/** One stored critique as `GET /api/sessions/:id/reviews` lists it. */
export const storedReviewSchema = z.object({ id: z.number(), createdAt: z.number(), review: reviewSchema, meta: z.unknown().optional() });
export type StoredReview = z.infer<typeof storedReviewSchema>;

export const answerSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), item: z.string(), question: z.string(), text: z.string(), createdAt: z.number() });
export type StoredAnswer = z.infer<typeof answerSchema>;

export const hintsSchema = z.object({ phase: z.string(), hints: z.array(z.string()) });

export type { Review };
