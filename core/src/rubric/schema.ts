/**
 * Schemas for the rubric data files in `rubrics/` and for the Review JSON (review-contract.md).
 *
 * A rubric item is scored from checks: each check looks for one thing on the board (a concept
 * in the texts, numbers with units, endpoints, tables, a graph property) and is worth some
 * points. The share of points earned maps to a 0–4 score through the rubric's thresholds;
 * caps keep an item below a level until the checks that define that level pass.
 */
import { z } from 'zod';
import { NODE_KINDS } from '../board/kinds';
import { SECTION_IDS } from '../board/sections';
import { RUBRIC_ITEM_IDS } from './items';

export const rubricItemIdEnum = z.enum(RUBRIC_ITEM_IDS);

const checkId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case')
  .max(60);
const nonEmpty = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Where a text check looks: section ids, plus `nodes` (labels and notes) and `edges` (labels). */
export const textScopeSchema = z.array(z.enum([...SECTION_IDS, 'nodes', 'edges'])).min(1);
export type TextScope = z.infer<typeof textScopeSchema>;

const checkBase = {
  id: checkId,
  /** Short noun phrase for summaries: "derived request rate". */
  label: nonEmpty(120),
  points: z.number().positive().max(5).default(1),
  /** Actionable sentence shown when the check fails. */
  missing: nonEmpty(300),
  /** A key point of the prompt: item caps can require a share of them. */
  key: z.boolean().default(false),
  /** Where to look; each check type has a sensible default. */
  where: textScopeSchema.optional(),
};

/** The check types the rules reviewer implements (core/src/reviewer/checks.ts). */
export const checkSchema = z.discriminatedUnion('type', [
  /** A concept (any of the terms, matched on stemmed words) in a substantive text unit or node label. */
  z.strictObject({
    ...checkBase,
    type: z.literal('concept'),
    terms: z.array(nonEmpty(80)).min(1),
    minHits: z.number().int().positive().default(1),
    /** Only sentences that also give a reason count ("302 because 301 is cached by browsers"). */
    reason: z.boolean().default(false),
  }),
  /** Substantive units (sentences, not word lists) in the scope. */
  z.strictObject({ ...checkBase, type: z.literal('substance'), minUnits: z.number().int().positive().default(1) }),
  /** Numbers with units of the given categories. */
  z.strictObject({
    ...checkBase,
    type: z.literal('numbers'),
    min: z.number().int().positive().default(1),
    categories: z.array(z.enum(['rate', 'size', 'duration', 'percent', 'count', 'ratio'])).optional(),
  }),
  /** A rate derived from another figure (per day → per second, with ≈, →, = or ÷). */
  z.strictObject({ ...checkBase, type: z.literal('derived-rate') }),
  /** A storage or memory size derived from counts and record sizes. */
  z.strictObject({ ...checkBase, type: z.literal('derived-size') }),
  /** Numbers followed by what they imply ("so it fits on one node", "needs 20 shards"). */
  z.strictObject({ ...checkBase, type: z.literal('implication') }),
  z.strictObject({ ...checkBase, type: z.literal('endpoints'), min: z.number().int().positive().default(1) }),
  z.strictObject({ ...checkBase, type: z.literal('status-codes'), min: z.number().int().positive().default(1), errors: z.boolean().default(false) }),
  z.strictObject({ ...checkBase, type: z.literal('payloads') }),
  /** Entities: `name(col, col, ...)` tables, or key-value structures described in the data model. */
  z.strictObject({ ...checkBase, type: z.literal('entities'), min: z.number().int().positive().default(1) }),
  z.strictObject({ ...checkBase, type: z.literal('keys') }),
  z.strictObject({ ...checkBase, type: z.literal('indexes') }),
  /** A named store; with `reason`, named in a sentence that says why. */
  z.strictObject({ ...checkBase, type: z.literal('store-choice'), reason: z.boolean().default(false) }),
  /** Trade-off statements: an alternative or a contrast, with a reason. */
  z.strictObject({ ...checkBase, type: z.literal('tradeoffs'), min: z.number().int().positive().default(1) }),
  /** Graph: an entry point (client, or a caller with no incoming edges). */
  z.strictObject({ ...checkBase, type: z.literal('graph-entry') }),
  /** Graph: a path from an entry point to a data store. */
  z.strictObject({ ...checkBase, type: z.literal('graph-path') }),
  /** Graph: nearly every component is connected to the request path. */
  z.strictObject({ ...checkBase, type: z.literal('graph-connected') }),
  /** Graph: a node of one of the kinds, or whose label names one of the terms. */
  z.strictObject({
    ...checkBase,
    type: z.literal('graph-kinds'),
    kinds: z.array(z.enum(NODE_KINDS)).default([]),
    terms: z.array(nonEmpty(80)).default([]),
    /** Only count nodes reachable from an entry point. */
    onPath: z.boolean().default(false),
  }),
  /** Graph: a cache reachable from the entry, in front of a separate store. */
  z.strictObject({ ...checkBase, type: z.literal('graph-cache-read-path') }),
  /** Graph: work handed to a queue or stream that something consumes, or an async edge. */
  z.strictObject({ ...checkBase, type: z.literal('graph-async') }),
  /** Graph + text: every data store has replication or failover said about it. */
  z.strictObject({ ...checkBase, type: z.literal('graph-no-spof') }),
  /** The diagram is explained: text in the design section, edge labels or node notes. */
  z.strictObject({ ...checkBase, type: z.literal('flow-text'), min: z.number().int().positive().default(1) }),
]);
export type RubricCheck = z.infer<typeof checkSchema>;
export type RubricCheckType = RubricCheck['type'];

/** The score of an item stays at or below `max` unless the named checks pass. */
export const capSchema = z.strictObject({
  max: z.number().int().min(0).max(3),
  /** Every one of these check ids must pass. */
  unlessAll: z.array(checkId).default([]),
  /** At least one of these must pass (`@key` = any passed key check of the prompt). */
  unlessAny: z.array(z.union([checkId, z.literal('@key')])).default([]),
  /** This share of the prompt's key checks for the item must pass. */
  minKeyShare: z.number().min(0).max(1).optional(),
  /** Lifts the cap outright when this share of the prompt's key checks passes. */
  liftKeyShare: z.number().min(0).max(1).optional(),
  /** At least one passed check must rest on text (not only on node labels). */
  needsText: z.boolean().default(false),
  why: nonEmpty(200).optional(),
});
export type RubricCap = z.infer<typeof capSchema>;

export const genericItemSchema = z.strictObject({
  id: rubricItemIdEnum,
  weight: z.number().positive().max(10),
  /** What each score 0–4 means for this item. */
  descriptors: z.array(nonEmpty(300)).length(5),
  /** Asked when the item is weak: targets the gap. */
  probe: nonEmpty(300),
  checks: z.array(checkSchema).min(1),
  caps: z.array(capSchema).default([]),
});
export type GenericRubricItem = z.infer<typeof genericItemSchema>;

export const genericRubricSchema = z
  .strictObject({
    version: z.literal(1),
    /** Share of points needed for scores 1, 2, 3 and 4. */
    thresholds: z.array(z.number().min(0).max(1)).length(4),
    items: z.array(genericItemSchema).length(RUBRIC_ITEM_IDS.length),
  })
  .superRefine((value, ctx) => {
    value.items.forEach((item, index) => {
      if (item.id !== RUBRIC_ITEM_IDS[index]) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `expected "${RUBRIC_ITEM_IDS[index]}" here (items follow the contract order)` });
      }
      checkCapsAndIds(item.checks, item.caps, ['items', index], ctx);
    });
    for (let i = 1; i < value.thresholds.length; i++) {
      if ((value.thresholds[i] ?? 0) < (value.thresholds[i - 1] ?? 0)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', i], message: 'thresholds must not decrease' });
      }
    }
  });
export type GenericRubric = z.infer<typeof genericRubricSchema>;

function checkCapsAndIds(checks: RubricCheck[], caps: RubricCap[], path: (string | number)[], ctx: z.RefinementCtx, known: Set<string> = new Set()): void {
  const ids = new Set(known);
  checks.forEach((check, index) => {
    if (ids.has(check.id)) ctx.addIssue({ code: 'custom', path: [...path, 'checks', index, 'id'], message: `check id "${check.id}" appears twice` });
    ids.add(check.id);
  });
  caps.forEach((cap, index) => {
    [...cap.unlessAll, ...cap.unlessAny].forEach((id, j) => {
      if (id !== '@key' && !ids.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'caps', index, j], message: `unknown check id "${id}"` });
    });
  });
}

/**
 * What one prompt adds to an item: its own checks and caps, generic checks that do not fit the
 * prompt (`skip`: neither scored nor advised; caps treat them as met), and the prompt's own
 * wording of a generic check's advice (`advice`: check id → missing sentence).
 */
export const promptItemSchema = z.strictObject({
  checks: z.array(checkSchema).default([]),
  caps: z.array(capSchema).default([]),
  skip: z.array(checkId).default([]),
  advice: z.record(checkId, nonEmpty(300)).default({}),
});

export const rubricFollowUpSchema = z.strictObject({
  id: checkId,
  item: rubricItemIdEnum,
  question: nonEmpty(300),
  /** What a good answer mentions. */
  points: z.array(nonEmpty(400)).min(1),
});
export type RubricFollowUp = z.infer<typeof rubricFollowUpSchema>;

export const promptRubricSchema = z.strictObject({
  prompt: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case'),
  title: nonEmpty(120),
  items: z.partialRecord(rubricItemIdEnum, promptItemSchema),
  followUps: z.array(rubricFollowUpSchema).default([]),
});
export type PromptRubric = z.infer<typeof promptRubricSchema>;

/** When a bank question applies: any listed kind on the board, or any term in its texts. */
export const triggerSchema = z
  .strictObject({
    kinds: z.array(z.enum(NODE_KINDS)).default([]),
    terms: z.array(nonEmpty(80)).default([]),
    always: z.boolean().default(false),
  })
  .refine((t) => t.always || t.kinds.length > 0 || t.terms.length > 0, 'a trigger needs kinds, terms or always: true');

export const bankFollowUpSchema = rubricFollowUpSchema.extend({ when: triggerSchema });
export type BankFollowUp = z.infer<typeof bankFollowUpSchema>;

export const followUpBankSchema = z
  .strictObject({ version: z.literal(1), followUps: z.array(bankFollowUpSchema).min(1) })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.followUps.forEach((f, index) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['followUps', index, 'id'], message: `id "${f.id}" appears twice` });
      seen.add(f.id);
    });
  });
export type FollowUpBank = z.infer<typeof followUpBankSchema>;

/** Everything the rules reviewer needs from `rubrics/`. */
export interface RubricSet {
  generic: GenericRubric;
  forPrompt(id: string): PromptRubric | undefined;
  followUpBank: FollowUpBank;
}

/* ------------------------------------------------------------------ Review JSON (the contract) */

export const reviewerKindSchema = z.enum(['rules', 'openai', 'human']);
export const evidenceRefSchema = z.string().regex(/^(node|edge|section|answer):[A-Za-z0-9_-]+$/, 'a ref is node:ID, edge:ID, section:ID or answer:ID');

export const evidenceSchema = z.strictObject({ ref: evidenceRefSchema, text: z.string().min(1).max(500) });

export const reviewItemSchema = z.strictObject({
  id: rubricItemIdEnum,
  title: z.string().min(1),
  score: z.number().int().min(0).max(4),
  max: z.literal(4),
  summary: z.string(),
  evidence: z.array(evidenceSchema),
  missing: z.array(z.string().min(1)),
});

export const reviewFollowUpSchema = z.strictObject({ item: rubricItemIdEnum, question: z.string().min(1) });

export const reviewSchema = z
  .strictObject({
    prompt: z.string(),
    reviewer: reviewerKindSchema,
    overall: z.number().int().min(0).max(100),
    items: z.array(reviewItemSchema).length(RUBRIC_ITEM_IDS.length),
    followUps: z.array(reviewFollowUpSchema),
    warnings: z.array(z.string()),
  })
  .superRefine((value, ctx) => {
    value.items.forEach((item, index) => {
      if (item.id !== RUBRIC_ITEM_IDS[index]) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `expected "${RUBRIC_ITEM_IDS[index]}" at position ${index}` });
      }
    });
  });

export type ReviewerKind = z.infer<typeof reviewerKindSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type ReviewFollowUp = z.infer<typeof reviewFollowUpSchema>;
export type Review = z.infer<typeof reviewSchema>;

/** `overall` per the contract: the weighted mean of item scores over their maximum, 0–100. */
export function overallScore(scores: ReadonlyArray<{ id: string; score: number }>, weights: Readonly<Record<string, number>>): number {
  let sum = 0;
  let total = 0;
  for (const { id, score } of scores) {
    const weight = weights[id] ?? 1;
    sum += weight * score;
    total += weight * 4;
  }
  return total === 0 ? 0 : Math.round((100 * sum) / total);
}
