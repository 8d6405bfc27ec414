/**
 * The simulation contract other tools read (`designroom simulate --json`,
 * `GET /api/sessions/:id/simulation`): keep its shape exactly. Capacity and utilisation are
 * null for components that have no limit (clients, and stateless tiers with no instance count,
 * which scale out); `firstBottleneck` is null when nothing saturates below the search ceiling.
 */
import { z } from 'zod';
import { nodeKindSchema } from '../board/schema';

export const simulationNodeSchema = z.object({
  id: z.string(),
  kind: nodeKindSchema,
  label: z.string(),
  loadPerSecond: z.number().min(0),
  capacityPerSecond: z.number().positive().nullable(),
  utilisation: z.number().min(0).nullable(),
});

export const simulationResultSchema = z.object({
  traffic: z.number().positive(),
  baseline: z.object({ readsPerSecond: z.number().min(0), writesPerSecond: z.number().min(0), source: z.string() }),
  nodes: z.array(simulationNodeSchema),
  bottlenecks: z.array(z.string()),
  firstBottleneck: z.object({ id: z.string(), atTraffic: z.number().positive() }).nullable(),
  paths: z.array(z.object({ name: z.string(), latencyMs: z.number().min(0) })),
  warnings: z.array(z.string()),
});

export type SimulationNode = z.infer<typeof simulationNodeSchema>;
export type SimulationResult = z.infer<typeof simulationResultSchema>;

/** The multiples the traffic query and the CLI accept. */
export const TRAFFIC_LIMITS = { min: 0.01, max: 10_000 } as const;

/** A traffic multiple from a query string or a flag: "10", "2.5", "10x"; undefined when invalid. */
export function parseTrafficMultiple(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[x×]?\s*$/i.exec(text);
  const value = match ? Number(match[1]) : NaN;
  return value >= TRAFFIC_LIMITS.min && value <= TRAFFIC_LIMITS.max ? value : undefined;
}
