/**
 * The traffic overlay's shared state, kept in the board document's meta under `traffic` so it
 * syncs, persists and is refused from observers like any other edit: whether it is on, the
 * multiple of the design's own traffic, and figures typed in the traffic panel (which win over
 * the Estimation section). One plain value, replaced whole: last writer wins, as for a slider.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { metaMap } from './ydoc';

export const TRAFFIC_META_KEY = 'traffic';
export const OVERLAY_MULTIPLE = { min: 1, max: 100 } as const;

const rate = z.number().finite().min(0).max(1e9);

export const trafficOverlaySchema = z.object({
  on: z.boolean(),
  multiplier: z.number().finite().min(OVERLAY_MULTIPLE.min).max(OVERLAY_MULTIPLE.max),
  /** Reads and writes a second typed in the panel; absent when the design's estimate is used. */
  typed: z.object({ readsPerSecond: rate, writesPerSecond: rate }).optional(),
});

export type TrafficOverlay = z.infer<typeof trafficOverlaySchema>;

export const TRAFFIC_OVERLAY_OFF: TrafficOverlay = { on: false, multiplier: 1 };

/** The overlay as the document holds it; off when absent or not valid. */
export function readTrafficOverlay(doc: Y.Doc): TrafficOverlay {
  const parsed = trafficOverlaySchema.safeParse(metaMap(doc).get(TRAFFIC_META_KEY));
  return parsed.success ? parsed.data : TRAFFIC_OVERLAY_OFF;
}

/**
 * The one entry point that changes the overlay: the panel's toggle and slider, and the
 * interviewer's "traffic is now 10×" curveball. Fields not given keep their value; the
 * multiplier is clamped to the slider's range. `typed: null` goes back to the estimate.
 */
export function setTrafficOverlay(
  doc: Y.Doc,
  change: { on?: boolean; multiplier?: number; typed?: TrafficOverlay['typed'] | null },
  origin?: unknown,
): TrafficOverlay {
  const current = readTrafficOverlay(doc);
  const multiplier = change.multiplier === undefined || !Number.isFinite(change.multiplier) ? current.multiplier : Math.min(OVERLAY_MULTIPLE.max, Math.max(OVERLAY_MULTIPLE.min, change.multiplier));
  const typed = change.typed === null ? undefined : (change.typed ?? current.typed);
  const next = trafficOverlaySchema.parse({ on: change.on ?? current.on, multiplier, ...(typed ? { typed } : {}) });
  const same = next.on === current.on && next.multiplier === current.multiplier && JSON.stringify(next.typed) === JSON.stringify(current.typed);
  if (!same) doc.transact(() => metaMap(doc).set(TRAFFIC_META_KEY, next), origin);
  return next;
}
