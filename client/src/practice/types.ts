/**
 * What the practice flow receives from the server. The payload schemas are core's (the
 * reviewer protocol); the HTTP list bodies are wrapped here. A browser may talk to an older or
 * newer server, so everything is parsed where it enters (practice-socket.ts,
 * practice-api.ts) and what does not fit is refused rather than half-drawn.
 */
import { z } from 'zod';
import { reviewMetaSchema, reviewSchema, type Review } from '../../../core/src';

export {
  checkingEventSchema as checkingSchema,
  checklistSchema,
  curveballSchema,
  followupsEventSchema as suggestedFollowUpsSchema,
  progressEventSchema as progressSchema,
  storedAnswerSchema as answerSchema,
  type Checklist,
  type Curveball,
  type FollowupsEvent as SuggestedFollowUps,
  type ProgressEvent as ReviewProgress,
  type StoredAnswer,
} from '../../../core/src';

const reviewerInfoSchema = z.object({ name: z.string(), available: z.boolean(), model: z.string().optional() });
export const reviewersSchema = z.object({ reviewers: z.array(reviewerInfoSchema), default: z.string() });
export type ReviewersInfo = z.infer<typeof reviewersSchema>;

/** One stored critique as `GET /api/sessions/:id/reviews` lists it; `meta` is null for reviews stored before metadata existed. */
export const storedReviewSchema = z.object({ id: z.number(), createdAt: z.number(), review: reviewSchema, meta: reviewMetaSchema.nullable().optional() });
export type StoredReview = z.infer<typeof storedReviewSchema>;

export const hintsSchema = z.object({ phase: z.string(), hints: z.array(z.string()) });

export type { Review };
