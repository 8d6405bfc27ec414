/**
 * The second held-out set (tests/fixtures/holdout2): prompts the rules reviewer was never tuned
 * on, written and labelled before issue 9's sharpening. Never adjust their labels to fit.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateDir } from '../../../server/src/cli/eval';

const HOLDOUT2 = fileURLToPath(new URL('../../fixtures/holdout2/', import.meta.url));

describe('second held-out set against hand labels', () => {
  it('meets the calibration targets on prompts the rubric was not tuned on', async () => {
    const summary = await evaluateDir(HOLDOUT2);
    expect(summary.failures).toEqual([]);
    expect(summary.rows.length).toBe(9);
    expect(summary.mae).toBeLessThanOrEqual(0.4);
    expect(summary.withinOne).toBeGreaterThanOrEqual(0.95);
    expect(summary.rankings.map((r) => r.prompt).sort()).toEqual(['file-storage', 'news-feed', 'web-crawler']);
    for (const r of summary.rankings) expect(r.ok, r.prompt).toBe(true);
  });
});
