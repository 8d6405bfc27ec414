/**
 * The reviewers' side of the protocol: the names of the reviewers, the answers a candidate
 * gives to follow-up questions, curveballs, and the socket events the reviewer in the room
 * sends (checklist, private follow-ups, progress of a running review, curveballs).
 * Every payload has a schema so both ends validate what crosses the wire.
 */
import { z } from 'zod';
import { RUBRIC_ITEM_IDS } from '../rubric/items';
import { rubricItemIdEnum } from '../rubric/schema';

/** The one list of reviewer names the HTTP API, the CLI and the UI accept. */
export const REVIEWER_NAMES = ['rules', 'openai'] as const;
export type ReviewerName = (typeof REVIEWER_NAMES)[number];
export const reviewerNameSchema = z.enum(REVIEWER_NAMES);

export const REVIEWER_EVENTS = {
  /** Server→client: the rules reviewer's live checklist (solo candidate, live interviewer). */
  checklist: 'review:checklist',
  /**
   * Server→whoever gets the checklist: whether the board has changed since the checklist was
   * last worked out. Sent when that flips, so a page can say "checking" instead of showing a
   * reading that is no longer current as if it were.
   */
  checking: 'review:checking',
  /** Server→interviewer only: follow-up questions the board now calls for. */
  followups: 'review:followups',
  /** Server→client: stages of a review while it runs. */
  progress: 'review:progress',
  /** Server→room: a requirement changed mid-session. */
  curveball: 'curveball:added',
} as const;

/** `POST /api/sessions/:id/reviews` body. `requestId` lets a client match the progress events it will receive. */
export const reviewRequestSchema = z.strictObject({
  reviewer: reviewerNameSchema.optional(),
  requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

/** What the server keeps with each review besides the Review itself. */
export const reviewMetaSchema = z.object({
  /** The reviewer that produced the review (differs from `requested` after a fallback). */
  reviewer: z.enum(['rules', 'openai', 'human']),
  requested: z.enum(['rules', 'openai', 'human']),
  model: z.string().optional(),
  promptTokens: z.number().int().nonnegative().optional(),
  completionTokens: z.number().int().nonnegative().optional(),
  latencyMs: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
});
export type ReviewMeta = z.infer<typeof reviewMetaSchema>;

export const ANSWER_LIMITS = { maxText: 4000, maxQuestion: 600, maxPerSession: 200 } as const;

/** `POST /api/sessions/:id/answers` body: the candidate's answer to one follow-up question. */
export const answerRequestSchema = z.strictObject({
  item: rubricItemIdEnum,
  question: z.string().trim().min(1).max(ANSWER_LIMITS.maxQuestion),
  text: z.string().trim().min(1).max(ANSWER_LIMITS.maxText),
});

export const storedAnswerSchema = z.object({
  id: z.string(),
  item: rubricItemIdEnum,
  question: z.string(),
  text: z.string(),
  createdAt: z.number().int(),
});
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

/** What a curveball changes in the traffic model, when it changes anything measurable. */
export const curveballEffectSchema = z.object({ traffic: z.number().positive().max(1000).optional() });
export type CurveballEffect = z.infer<typeof curveballEffectSchema>;

/** `POST /api/sessions/:id/curveballs` body: free text, or a preset's id (its text and effect are used). */
export const curveballRequestSchema = z.union([
  z.strictObject({ preset: z.string().min(1).max(64), text: z.string().trim().max(300).optional() }),
  z.strictObject({ text: z.string().trim().min(1).max(300) }),
]);

export const curveballSchema = z.object({
  id: z.string(),
  text: z.string(),
  at: z.number().int(),
  effect: curveballEffectSchema.optional(),
});
export type Curveball = z.infer<typeof curveballSchema>;

export const checklistEntrySchema = z.object({
  id: z.enum(RUBRIC_ITEM_IDS),
  title: z.string(),
  score: z.number().int().min(0).max(4),
  max: z.literal(4),
  summary: z.string(),
  missing: z.array(z.string()),
});
export const checklistSchema = z.object({ items: z.array(checklistEntrySchema), overall: z.number().int().min(0).max(100), at: z.number().int() });
export type Checklist = z.infer<typeof checklistSchema>;

/**
 * `review:checking`: `checking` true once the board changed after the last reading, false once a
 * reading covered every change (a checklist that changed is sent as `review:checklist` instead,
 * which says the same). `at` is the server's time of the change or of the reading.
 */
export const checkingEventSchema = z.object({ checking: z.boolean(), at: z.number().int() });
export type CheckingEvent = z.infer<typeof checkingEventSchema>;

export const followupsEventSchema = z.object({
  followUps: z.array(z.object({ item: rubricItemIdEnum, question: z.string() })),
  source: reviewerNameSchema,
  at: z.number().int(),
});
export type FollowupsEvent = z.infer<typeof followupsEventSchema>;

export const REVIEW_STAGES = ['started', 'rules', 'model', 'retry', 'validating', 'done', 'failed'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const progressEventSchema = z.object({ requestId: z.string(), stage: z.enum(REVIEW_STAGES), message: z.string() });
export type ProgressEvent = z.infer<typeof progressEventSchema>;
