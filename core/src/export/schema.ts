import { z } from 'zod';
import { boardSchema, commentSchema } from '../board/schema';
import { humanScoresSchema, privateNoteSchema, questionSchema } from '../protocol/interview';
import { phaseIdSchema } from '../prompt/schema';
import { reviewSchema } from '../rubric/schema';

/**
 * The published shape of `export?format=json`: everything a session produced, in one document a
 * hiring tool or a script can read. `schemaVersion` changes whenever a field changes meaning or
 * goes away; new optional fields do not change it.
 */
export const EXPORT_SCHEMA_VERSION = 1;

export const exportSessionSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  /** The prompt's title, when the prompt library knows it. */
  title: z.string().optional(),
  mode: z.enum(['live', 'solo']),
  createdAt: z.number(),
  closedAt: z.number().nullable(),
});

export const exportedReviewSchema = z.object({
  /** The stored review's id; `human` for the interviewer's scores. */
  id: z.union([z.number().int(), z.string()]),
  createdAt: z.number(),
  review: reviewSchema,
});

export const phaseTimeSchema = z.object({ phase: phaseIdSchema, ms: z.number().nonnegative() });

export const designExportSchema = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  exportedAt: z.number(),
  session: exportSessionSchema,
  board: boardSchema,
  reviews: z.array(exportedReviewSchema),
  /** Questions asked during the round or as follow-ups, with the candidate's answers. */
  questions: z.array(questionSchema),
  comments: z.array(commentSchema),
  /** Time per phase of a timed round; null when the timer never ran. */
  interview: z.object({ phases: z.array(phaseTimeSchema), totalMs: z.number().nonnegative() }).nullable(),
  /** The interviewer's private notes and draft scores: only in an export made for the interviewer, or shared. */
  private: z.object({ notes: z.array(privateNoteSchema), scores: humanScoresSchema.nullable() }).nullable(),
});

/** A parsed JSON export. */
export type DesignExport = z.infer<typeof designExportSchema>;
/** What every export function takes: the JSON export without its version. */
export type ExportData = Omit<DesignExport, 'schemaVersion'>;
export type ExportedReview = z.infer<typeof exportedReviewSchema>;
