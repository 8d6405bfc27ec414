import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { metaMap, readTrafficOverlay, setTrafficOverlay, type TrafficOverlay } from '../../../core/src';
import { LOCAL_ORIGIN } from '../sync/origins';

/** Slider moves reach the room at most this often; the last one always does. */
const WRITE_EVERY_MS = 100;

export type OverlayChange = Parameters<typeof setTrafficOverlay>[1];

/**
 * The room's traffic overlay (on, multiple, typed figures), live from the board document, and a
 * setter. The multiple shows at once locally while a drag's writes are throttled, so a slider
 * stays smooth and the server's update rate limit is never approached.
 */
export function useTrafficOverlay(doc: Y.Doc): [TrafficOverlay, (change: OverlayChange) => void] {
  const [shared, setShared] = useState<TrafficOverlay>(() => readTrafficOverlay(doc));
  const [local, setLocal] = useState<number | null>(null);
  const pending = useRef<OverlayChange | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);

  useEffect(() => {
    const map = metaMap(doc);
    const update = () => setShared(readTrafficOverlay(doc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);

  const flush = useCallback(() => {
    timer.current = null;
    const change = pending.current;
    pending.current = null;
    if (!change) return;
    last.current = Date.now();
    setTrafficOverlay(doc, change, LOCAL_ORIGIN);
    setLocal(null);
  }, [doc]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      flush();
    },
    [flush],
  );

  const change = useCallback(
    (next: OverlayChange) => {
      pending.current = { ...pending.current, ...next };
      if (next.multiplier !== undefined) setLocal(next.multiplier);
      const wait = WRITE_EVERY_MS - (Date.now() - last.current);
      if (next.multiplier === undefined || wait <= 0) flush();
      else timer.current ??= setTimeout(flush, wait);
    },
    [flush],
  );

  return [local === null ? shared : { ...shared, multiplier: local }, change];
}
