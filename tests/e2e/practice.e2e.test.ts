/**
 * A solo practice round in real Chromium against the real server (rules reviewer): draw and
 * watch the live checklist move, get a critique, click a piece of evidence and see its node
 * selected and ringed on the canvas, answer the reviewer's follow-up well, critique again and
 * see that item's score go up with the change shown, then find the attempts in the history.
 * Screenshots at 900, 1280 and 1600 px go to .tmp/screenshots/practice-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();
const SHOTS = '.tmp/screenshots';

const WEAK = readFileSync('tests/fixtures/designs/url-shortener-weak.md', 'utf8');

/** What the prompt file says a strong answer covers, per rubric item: the honest content of a good answer. */
function strongAnswer(item: string): string {
  const file = readFileSync('design-prompts/url-shortener.md', 'utf8');
  const front = parseYaml(file.split(/^---$/m)[1] ?? '') as { strongAnswer: Record<string, string[]> };
  return (front.strongAnswer[item] ?? []).join('\n');
}

/** Each checklist row's score, by item id. */
const checklistScores = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]')].map((el) => [el.dataset.item, Number(el.dataset.score)])));

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/practice-${name}.png` });
}

describe('solo practice round', () => {
  it('checklist, critique, evidence on the canvas, a follow-up answered and credited, history', async () => {
    const session = await fx.createSession('solo');
    expect((await fx.putDocument(session, WEAK)).ok).toBe(true);
    const { page, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const panel = page.getByTestId('practice-panel');
    await panel.waitFor();

    // Hints for the current phase: none until asked, then one more per request.
    expect(await page.getByTestId('hint').count()).toBe(0);
    await page.getByTestId('hint-button').click();
    await expect.poll(() => page.getByTestId('hint').count()).toBe(1);
    await page.getByTestId('hint-button').click();
    await expect.poll(() => page.getByTestId('hint').count()).toBe(2);

    // The live checklist arrives from the rules reviewer, then moves when the board changes.
    await page.getByTestId('checklist-item').first().waitFor();
    const before = await checklistScores(page);
    expect(Object.keys(before)).toHaveLength(8);
    // Every freshness the header shows from here on, to see it say "checking" between edit and reading.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { freshnessSeen: string[] }).freshnessSeen = seen;
      const list = document.querySelector<HTMLElement>('[data-testid="checklist"]')!;
      seen.push(list.dataset.freshness ?? '');
      new MutationObserver(() => seen.push(list.dataset.freshness ?? '')).observe(list, { attributes: true, attributeFilter: ['data-freshness'] });
    });
    await page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Add cache' }).click();
    await page.getByTestId('section-tab-scaling').click();
    await page.locator('#section-panel-scaling textarea').fill('A Redis cache in front of MySQL holds the hottest short codes, so most redirects never reach the database. We shard the urls table by short code.');
    await page.waitForFunction(
      (was) => [...document.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]')].some((el) => Number(el.dataset.score) !== was[el.dataset.item ?? '']),
      before,
    );
    const moved = await checklistScores(page);
    expect(moved.scaling).toBeGreaterThan(before.scaling ?? 0);
    await expect.poll(() => page.getByTestId('checklist').getAttribute('data-freshness')).toBe('current');
    expect(await page.getByTestId('checklist-freshness').textContent()).toContain('up to date');
    expect(await page.evaluate(() => (window as unknown as { freshnessSeen: string[] }).freshnessSeen)).toContain('checking');
    await shoot(page, '1280-checklist');

    // A critique: every item scored, with the follow-up dialogue first.
    await page.getByTestId('get-critique').click();
    const critique = page.getByTestId('critique');
    await critique.waitFor();
    await expect.poll(() => critique.getByTestId('critique-item').count()).toBe(8);
    expect(await critique.getAttribute('data-reviewer')).toBe('rules');

    // Evidence that cites a node: the node is selected, centred and ringed on the canvas.
    const item = critique.getByTestId('critique-item').filter({ has: page.locator('.pr-evidence-link[data-ref^="node:"]:not([disabled])') }).first();
    await item.locator('details > summary').click();
    const nodeEvidence = item.locator('.pr-evidence-link[data-ref^="node:"]:not([disabled])').first();
    const ref = (await nodeEvidence.getAttribute('data-ref'))!;
    const nodeId = ref.slice('node:'.length);
    await nodeEvidence.click();
    await page.locator(`.pr-evidence-ring[data-ref="${ref}"]`).waitFor();
    await page.locator(`.react-flow__node.selected[data-id="${nodeId}"]`).waitFor();
    await shoot(page, '1280-evidence');

    // The reviewer asks about the weakest item; a good answer is credited by the next critique.
    const question = page.getByTestId('dialogue-question');
    await question.waitFor();
    const asked = (await question.getAttribute('data-item'))!;
    const scoreBefore = Number(await critique.locator(`[data-testid="critique-item"][data-item="${asked}"]`).getAttribute('data-score'));
    await page.getByLabel('Your answer to the reviewer').fill(strongAnswer(asked));
    await page.getByTestId('dialogue-send').click();
    await page.getByTestId('dialogue-nudge').waitFor();
    await shoot(page, '1280-answered');

    await page.getByTestId('get-critique').click();
    await page.locator('[aria-label="Critique 2"]').waitFor();
    const after = page.locator(`[aria-label="Critique 2"] [data-testid="critique-item"][data-item="${asked}"]`);
    const scoreAfter = Number(await after.getAttribute('data-score'));
    expect(scoreAfter).toBeGreaterThan(scoreBefore);
    expect(await after.getByTestId('item-delta').textContent()).toBe(`+${scoreAfter - scoreBefore}`);
    // The answer is the evidence: `answer:ID` in the Review, quoted in the panel.
    await after.locator('details > summary').click();
    await after.locator('.pr-evidence-answer[data-ref^="answer:"]').first().waitFor();
    await shoot(page, '1280-critique-2');

    // History: this attempt with its latest overall; a second attempt at the prompt joins it.
    const overall = await page.locator('[aria-label="Critique 2"]').getByTestId('critique-overall').textContent();
    await page.getByRole('tab', { name: 'History' }).click();
    const attempt = page.locator(`[data-testid="attempt"][data-session="${session.id}"]`);
    await attempt.waitFor();
    expect(await attempt.getAttribute('data-overall')).toBe(overall);

    const second = await fx.createSession('solo');
    await page.goto(fx.server.url + second.links.candidate);
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    await page.getByTestId('get-critique').click();
    await page.getByTestId('critique').waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('attempt').count()).toBe(2);
    const row = page.locator(`[data-testid="score-chart"] tr[data-item="${asked}"]`);
    const series = (await row.getAttribute('data-scores'))!.split(',').map(Number);
    expect(series).toEqual([scoreAfter, 0]);

    for (const width of [900, 1280, 1600]) {
      await page.setViewportSize({ width, height: 820 });
      await shoot(page, `${width}-history`);
    }
    expect(dialogs).toEqual([]);
  });
});
