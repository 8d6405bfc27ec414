import { z } from 'zod';
import { NODE_KINDS } from './kinds';
import { SECTION_IDS } from './sections';

/** Limits that keep one board within what a browser and a reviewer handle comfortably. */
export const BOARD_LIMITS = {
  maxNodes: 2000,
  maxEdges: 4000,
  maxLabelLength: 200,
  maxNotesLength: 10_000,
  maxSectionLength: 50_000,
  maxIdLength: 64,
  maxComments: 2000,
} as const;

/** Ids appear in Mermaid and in evidence refs (`node:ID`), so they stay in a safe alphabet. */
export const idSchema = z
  .string()
  .min(1)
  .max(BOARD_LIMITS.maxIdLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only');

export const nodeKindSchema = z.enum(NODE_KINDS);
export const sectionIdSchema = z.enum(SECTION_IDS);
export const edgeModeSchema = z.enum(['sync', 'async']);

const coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

export const boardNodeSchema = z.object({
  id: idSchema,
  kind: nodeKindSchema,
  label: z.string().max(BOARD_LIMITS.maxLabelLength),
  x: coordinate,
  y: coordinate,
  width: z.number().finite().positive().max(100_000).optional(),
  height: z.number().finite().positive().max(100_000).optional(),
  notes: z.string().max(BOARD_LIMITS.maxNotesLength).default(''),
  parent: idSchema.optional(),
  /** Per-kind properties, e.g. a database's engine or a queue's delivery guarantee. */
  props: z.record(z.string().max(40), z.string().max(200)).default({}),
});

export const boardEdgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  label: z.string().max(BOARD_LIMITS.maxLabelLength).default(''),
  mode: edgeModeSchema.default('sync'),
});

export const commentSchema = z.object({
  id: idSchema,
  /** `board` or a node id the comment is pinned to. */
  target: z.string().max(BOARD_LIMITS.maxIdLength + 6),
  author: z.string().max(80),
  /** Who wrote it; `reviewer` is the AI reviewer, which only the server itself may sign as. */
  role: z.enum(['candidate', 'interviewer', 'observer', 'reviewer']),
  text: z.string().min(1).max(4000),
  createdAt: z.number().int().nonnegative(),
  resolved: z.boolean().default(false),
});

export const boardMetaSchema = z.object({
  prompt: z.string().max(80).optional(),
  title: z.string().max(200).optional(),
  phase: z.string().max(40).optional(),
});

export const boardSchema = z.object({
  meta: boardMetaSchema.default({}),
  nodes: z.array(boardNodeSchema).max(BOARD_LIMITS.maxNodes).default([]),
  edges: z.array(boardEdgeSchema).max(BOARD_LIMITS.maxEdges).default([]),
  sections: z.partialRecord(sectionIdSchema, z.string().max(BOARD_LIMITS.maxSectionLength)).default({}),
  comments: z.array(commentSchema).max(BOARD_LIMITS.maxComments).default([]),
});

export type EdgeMode = z.infer<typeof edgeModeSchema>;
export type BoardNode = z.infer<typeof boardNodeSchema>;
export type BoardEdge = z.infer<typeof boardEdgeSchema>;
export type BoardComment = z.infer<typeof commentSchema>;
export type BoardMeta = z.infer<typeof boardMetaSchema>;
export type Board = z.infer<typeof boardSchema>;

export function emptyBoard(meta: BoardMeta = {}): Board {
  return { meta, nodes: [], edges: [], sections: {}, comments: [] };
}
