/**
 * The capacity defaults the traffic model reads: per component kind (and per engine named in
 * a label), how many operations one instance takes, how long a hop takes, and where each
 * figure comes from. The data lives in `rubrics/capacity.yaml`; this schema is what
 * the server's loader validates it with, and what the client re-validates the served copy with.
 */
import { z } from 'zod';
import { NODE_KINDS, type NodeKind } from '../board/kinds';
import { nodeKindSchema } from '../board/schema';

/** Kinds that never carry traffic: they are drawing aids, not components. */
export const DECOR_KINDS: ReadonlySet<NodeKind> = new Set(['note', 'group']);

const rate = z.number().positive().max(1e9);
const source = z.string().min(10).max(600);

export const scalingSchema = z.enum(['source', 'elastic', 'fixed']);

export const kindDefaultSchema = z
  .object({
    scaling: scalingSchema,
    /** Operations a second per instance when reads and writes cost the same. */
    opsPerSecond: rate.optional(),
    readsPerSecond: rate.optional(),
    writesPerSecond: rate.optional(),
    /** Share of reads a cache (or CDN) answers itself. */
    hitRatio: z.number().min(0).max(0.999).optional(),
    latencyMs: z.number().min(0).max(60_000),
    source,
  })
  .strict()
  .refine((d) => d.scaling === 'source' || d.opsPerSecond !== undefined || (d.readsPerSecond !== undefined && d.writesPerSecond !== undefined), {
    message: 'needs opsPerSecond, or both readsPerSecond and writesPerSecond',
  });

export const engineDefaultSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Whole words of a label (or the inspector's engine) that name this engine. */
    match: z.array(z.string().min(1).max(40)).min(1),
    kinds: z.array(nodeKindSchema).min(1),
    opsPerSecond: rate.optional(),
    readsPerSecond: rate.optional(),
    writesPerSecond: rate.optional(),
    hitRatio: z.number().min(0).max(0.999).optional(),
    latencyMs: z.number().min(0).max(60_000).optional(),
    source,
  })
  .strict();

export const capacityDefaultsSchema = z
  .object({
    version: z.literal(1),
    defaultTraffic: z
      .object({ readsPerSecond: z.number().min(0).max(1e9), writesPerSecond: z.number().min(0).max(1e9), source })
      .strict(),
    kinds: z.partialRecord(nodeKindSchema, kindDefaultSchema),
    engines: z.array(engineDefaultSchema).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const kind of NODE_KINDS) {
      if (!DECOR_KINDS.has(kind) && !data.kinds[kind]) ctx.addIssue({ code: 'custom', path: ['kinds', kind], message: 'missing: every component kind needs a default' });
    }
    const ids = new Set<string>();
    data.engines.forEach((engine, index) => {
      if (ids.has(engine.id)) ctx.addIssue({ code: 'custom', path: ['engines', index, 'id'], message: `"${engine.id}" is used twice` });
      ids.add(engine.id);
    });
  });

export type KindDefault = z.infer<typeof kindDefaultSchema>;
export type EngineDefault = z.infer<typeof engineDefaultSchema>;
export type CapacityDefaults = z.infer<typeof capacityDefaultsSchema>;
export type Scaling = z.infer<typeof scalingSchema>;
