/**
 * The prompt library's file format: the YAML front matter of one `design-prompts/<id>.md`
 * file, validated at start-up by the server's loader. The Markdown body after the front
 * matter is the problem statement as the candidate reads it.
 */
import { z } from 'zod';
import { rubricItemIdEnum } from '../rubric/schema';

/** The phases of an interview, in the order they run. Hints and the timer are keyed by them. */
export const PHASE_IDS = ['requirements', 'estimation', 'high-level-design', 'deep-dive', 'wrap-up'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** An interview slot is 45 or 60 minutes; the phases of a prompt fill exactly one. */
export const INTERVIEW_LENGTHS_MINUTES = [45, 60] as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const promptIdSchema = z
  .string()
  .max(64)
  .regex(KEBAB_CASE, 'use kebab-case: lowercase letters and digits joined by "-"');

export const phaseIdSchema = z.enum(PHASE_IDS);
export const difficultySchema = z.enum(['easy', 'medium', 'hard']);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const textList = (max: number) => z.array(text(max)).min(1, 'needs at least one entry');

export const clarificationSchema = z.strictObject({
  question: text(300),
  answer: text(600),
});

/** One numeric assumption the interviewer gives when asked, e.g. 100M daily active users. */
export const scaleAssumptionSchema = z.strictObject({
  name: text(120),
  value: z.number().finite(),
  unit: text(40),
  note: text(300).optional(),
});

export const phaseSchema = z.strictObject({
  id: phaseIdSchema,
  title: text(80),
  minutes: z.number().int().positive().max(60),
});

export const followUpSchema = z.strictObject({
  id: promptIdSchema,
  item: rubricItemIdEnum,
  question: text(300),
  /** What a good answer mentions. */
  points: textList(400),
});

const frontMatterShape = {
  id: promptIdSchema,
  title: text(80),
  difficulty: difficultySchema,
  tags: z.array(promptIdSchema).min(1, 'needs at least one tag'),
  /** One or two sentences for the prompt picker; the body holds the full statement. */
  statement: text(280),
  clarifications: z.array(clarificationSchema).min(1, 'needs at least one clarification'),
  scale: z.array(scaleAssumptionSchema).min(1, 'needs at least one assumption'),
  phases: z.array(phaseSchema).min(1, 'needs at least one phase'),
  /** Keyed by every rubric item id (an enum-keyed record requires all of them). */
  strongAnswer: z.record(rubricItemIdEnum, textList(400)),
  followUps: z.array(followUpSchema).min(1, 'needs at least one follow-up'),
  mistakes: textList(400),
  hints: z.partialRecord(phaseIdSchema, textList(300)),
};

type FrontMatterShape = z.infer<z.ZodObject<typeof frontMatterShape>>;

/** Rules that span fields: unique ids, phase order, interview length, hints only for phases that run. */
function checkCrossFieldRules(value: FrontMatterShape, ctx: z.RefinementCtx): void {
  const phaseIds = value.phases.map((phase) => phase.id);
  value.phases.forEach((phase, index) => {
    if (phaseIds.indexOf(phase.id) !== index) {
      ctx.addIssue({ code: 'custom', path: ['phases', index, 'id'], message: `phase "${phase.id}" appears twice` });
    }
  });
  const order = phaseIds.map((id) => PHASE_IDS.indexOf(id));
  if (order.some((position, index) => index > 0 && position < (order[index - 1] ?? -1))) {
    ctx.addIssue({ code: 'custom', path: ['phases'], message: `phases must run in the order ${PHASE_IDS.join(', ')}` });
  }
  const total = value.phases.reduce((sum, phase) => sum + phase.minutes, 0);
  if (!(INTERVIEW_LENGTHS_MINUTES as readonly number[]).includes(total)) {
    ctx.addIssue({
      code: 'custom',
      path: ['phases'],
      message: `minutes add up to ${total}; they must add up to ${INTERVIEW_LENGTHS_MINUTES.join(' or ')}`,
    });
  }
  for (const phase of Object.keys(value.hints) as PhaseId[]) {
    if (!phaseIds.includes(phase)) {
      ctx.addIssue({ code: 'custom', path: ['hints', phase], message: `hints for phase "${phase}", which is not in phases` });
    }
  }
  const seen = new Set<string>();
  value.followUps.forEach((followUp, index) => {
    if (seen.has(followUp.id)) {
      ctx.addIssue({ code: 'custom', path: ['followUps', index, 'id'], message: `follow-up id "${followUp.id}" appears twice` });
    }
    seen.add(followUp.id);
  });
  value.tags.forEach((tag, index) => {
    if (value.tags.indexOf(tag) !== index) {
      ctx.addIssue({ code: 'custom', path: ['tags', index], message: `tag "${tag}" appears twice` });
    }
  });
}

/** The YAML front matter of a prompt file. Strict: an unknown key is an error, not ignored. */
export const promptFrontMatterSchema = z.strictObject(frontMatterShape).superRefine(checkCrossFieldRules);

/** The Markdown after the front matter: the full problem statement as the candidate reads it. */
export const promptBodySchema = text(20_000);

/** A prompt as served: the front matter plus the Markdown body. */
export const promptSchema = z
  .strictObject({ ...frontMatterShape, body: promptBodySchema })
  .superRefine(checkCrossFieldRules);

export type Difficulty = z.infer<typeof difficultySchema>;
export type Clarification = z.infer<typeof clarificationSchema>;
export type ScaleAssumption = z.infer<typeof scaleAssumptionSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type PromptFrontMatter = z.infer<typeof promptFrontMatterSchema>;
export type Prompt = z.infer<typeof promptSchema>;

/** What the prompt picker lists. */
export type PromptSummary = Pick<Prompt, 'id' | 'title' | 'difficulty' | 'tags' | 'statement'>;

export function toPromptSummary(prompt: Prompt): PromptSummary {
  const { id, title, difficulty, tags, statement } = prompt;
  return { id, title, difficulty, tags, statement };
}
