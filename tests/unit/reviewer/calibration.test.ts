/** The calibration targets, checked on the shared hand-labelled set when it is present. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDir } from '../../../server/src/cli/eval';
import { DESIGNS } from './helpers';

const SHARED = '/work/shared/eval/calibration';

describe('calibration against hand labels', () => {
  it.skipIf(!existsSync(SHARED))('meets the targets on the shared calibration set', async () => {
    const summary = await evaluateDir(SHARED);
    expect(summary.failures).toEqual([]);
    expect(summary.mae).toBeLessThanOrEqual(0.6);
    expect(summary.withinOne).toBeGreaterThanOrEqual(0.9);
    for (const r of summary.rankings) expect(r.ok, r.prompt).toBe(true);
  });

  it('agrees with the hand labels of its own fixtures', async () => {
    const summary = await evaluateDir(DESIGNS);
    expect(summary.failures).toEqual([]);
    expect(summary.rows.length).toBeGreaterThanOrEqual(8);
    expect(summary.mae).toBeLessThanOrEqual(0.6);
    expect(summary.withinOne).toBeGreaterThanOrEqual(0.9);
    for (const r of summary.rankings) expect(r.ok, r.prompt).toBe(true);
  });
});
