/**
 * The AI reviewer in a live interview, in real Chromium: the interviewer sees its suggested
 * follow-ups and puts one in the candidate's queue with one click; a requirement change sent
 * from the interviewer panel is pinned on the candidate's board; the candidate's page never
 * shows the suggestions, and both see the reviewer in presence as "AI reviewer".
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

describe('the AI reviewer in a live interview', () => {
  it('suggests follow-ups to the interviewer only, asks one in a click, and pins a curveball for the candidate', async () => {
    const session = await fx.createSession('live');
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Ivy');
    const { page: candidate, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');

    // Suggestions for the empty board arrive as the interviewer joins; the candidate draws and
    // they follow the board. Wait for that refresh before clicking, or the list may change
    // under the click.
    const suggestions = interviewer.getByTestId('suggested-follow-up');
    await suggestions.first().waitFor();
    const forEmptyBoard = (await suggestions.allTextContents()).join('|');
    await candidate.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Add database' }).click();
    await expect.poll(async () => (await suggestions.allTextContents()).join('|'), { timeout: 15_000 }).not.toBe(forEmptyBoard);
    const suggestion = suggestions.first();
    const question = (await suggestion.locator('.iv-question-text').textContent())!;
    await suggestion.getByRole('button', { name: `Ask: ${question}` }).click();
    await suggestion.getByRole('button', { name: `Ask: ${question}` }).filter({ hasText: 'Asked' }).waitFor();
    await candidate.getByTestId('question').filter({ hasText: question }).waitFor();

    // While the interviewer's pointer is on the list it holds still; it catches up once the pointer leaves.
    await suggestions.first().hover();
    const whileHovered = (await suggestions.allTextContents()).join('|');
    await candidate.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Add cache' }).click();
    await candidate.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Add queue' }).click();
    await interviewer.waitForTimeout(2500);
    expect((await suggestions.allTextContents()).join('|')).toBe(whileHovered);
    await interviewer.mouse.move(5, 5);
    await expect.poll(async () => (await suggestions.allTextContents()).join('|'), { timeout: 15_000 }).not.toBe(whileHovered);

    // A preset curveball from the interviewer is pinned on the candidate's board.
    const preset = interviewer.getByTestId('curveball-preset').first();
    const text = (await preset.textContent())!;
    await preset.click();
    await candidate.getByTestId('curveball').filter({ hasText: text }).waitFor();
    await interviewer.getByTestId('curveball').filter({ hasText: text }).waitFor();

    // The reviewer is in the room as a participant, not a person; the candidate never sees suggestions.
    await candidate.getByTestId('presence-bot').waitFor();
    expect(await candidate.getByTestId('presence-bot').getAttribute('aria-label')).toContain('AI reviewer');
    expect(await candidate.getByTestId('suggested-follow-ups').count()).toBe(0);
    expect(await candidate.getByTestId('suggested-follow-up').count()).toBe(0);

    mkdirSync('.tmp/screenshots', { recursive: true });
    for (const width of [900, 1280, 1600]) {
      await interviewer.setViewportSize({ width, height: 820 });
      await interviewer.screenshot({ path: `.tmp/screenshots/reviewer-live-interviewer-${width}.png` });
      await candidate.setViewportSize({ width, height: 820 });
      await candidate.screenshot({ path: `.tmp/screenshots/reviewer-live-candidate-${width}.png` });
    }
    expect(dialogs).toEqual([]);
  });
});
