/** The overlay's shared state in the board document: one accessor pair, synced like any edit. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readBoard, readMeta } from '../../../core/src/board/ydoc';
import { readTrafficOverlay, setTrafficOverlay, TRAFFIC_META_KEY } from '../../../core/src/board/traffic-overlay';

describe('setTrafficOverlay / readTrafficOverlay', () => {
  it('is off at 1× until set, and keeps fields not given', () => {
    const doc = new Y.Doc();
    expect(readTrafficOverlay(doc)).toEqual({ on: false, multiplier: 1 });
    setTrafficOverlay(doc, { on: true, multiplier: 10 });
    expect(readTrafficOverlay(doc)).toEqual({ on: true, multiplier: 10 });
    setTrafficOverlay(doc, { multiplier: 25 });
    expect(readTrafficOverlay(doc)).toEqual({ on: true, multiplier: 25 });
    setTrafficOverlay(doc, { typed: { readsPerSecond: 500, writesPerSecond: 50 } });
    expect(readTrafficOverlay(doc).typed).toEqual({ readsPerSecond: 500, writesPerSecond: 50 });
    setTrafficOverlay(doc, { typed: null });
    expect(readTrafficOverlay(doc)).toEqual({ on: true, multiplier: 25 });
  });

  it('clamps the multiple to the slider range and ignores a value that is not a number', () => {
    const doc = new Y.Doc();
    expect(setTrafficOverlay(doc, { on: true, multiplier: 1000 }).multiplier).toBe(100);
    expect(setTrafficOverlay(doc, { multiplier: 0 }).multiplier).toBe(1);
    expect(setTrafficOverlay(doc, { multiplier: Number.NaN }).multiplier).toBe(1);
  });

  it('reads anything invalid in the document as off, and leaves the rest of the meta alone', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('prompt', 'url-shortener');
    metaMap(doc).set(TRAFFIC_META_KEY, { on: 'yes', multiplier: -3 });
    expect(readTrafficOverlay(doc)).toEqual({ on: false, multiplier: 1 });
    setTrafficOverlay(doc, { on: true });
    expect(readMeta(doc)).toEqual({ prompt: 'url-shortener' });
    expect(readBoard(doc).meta).toEqual({ prompt: 'url-shortener' });
  });

  it('travels as an ordinary update with the given origin, and writes nothing when nothing changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const origins: unknown[] = [];
    a.on('update', (update: Uint8Array, origin: unknown) => {
      origins.push(origin);
      Y.applyUpdate(b, update);
    });
    setTrafficOverlay(a, { on: true, multiplier: 10 }, 'curveball');
    setTrafficOverlay(a, { on: true, multiplier: 10 }, 'again');
    expect(origins).toEqual(['curveball']);
    expect(readTrafficOverlay(b)).toEqual({ on: true, multiplier: 10 });
  });
});
