/**
 * Issue 11, point 1: a board link keeps working after it is opened. The address bar keeps the
 * token in its fragment, so copying it or bookmarking it reopens the board in the same role in
 * a fresh browser; the creator's links page survives a reload; the home page lists recent sessions.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

const roleChip = '.top-bar .chip[class*="role-"]';

describe('links survive', () => {
  it('the address bar, copied into a fresh browser, reopens the board as the same role', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.interviewer, 'Grace');
    const copied = page.url();
    expect(new URL(copied).hash).toContain('token=');

    const { page: fresh } = await fx.newPage();
    await fresh.goto(copied);
    await fresh.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    expect(await fresh.locator(roleChip).textContent()).toBe('Interviewer');
  });

  it('a bookmark of the board (taken after a reload) reopens it as the same role', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await page.reload();
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    const bookmark = page.url();

    const { page: later } = await fx.newPage();
    await later.goto(bookmark);
    await later.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    expect(await later.locator(roleChip).textContent()).toBe('Candidate');
    expect(await later.getByText('This board link is incomplete').count()).toBe(0);
  });

  it('the creator gets back to the three links after a reload, and the home page lists recent sessions', async () => {
    const { page } = await fx.newPage();
    await page.goto(fx.server.url + '/');
    await page.getByTestId('prompt-url-shortener').click();
    await page.getByRole('button', { name: 'Create session' }).click();
    const candidateLink = await page.getByTestId('link-candidate').locator('input').inputValue();
    expect(candidateLink).toContain('#token=');

    await page.reload();
    await page.getByTestId('link-candidate').waitFor();
    expect(await page.getByTestId('link-candidate').locator('input').inputValue()).toBe(candidateLink);

    await page.goto(fx.server.url + '/');
    const recent = page.getByTestId('recent-sessions');
    const entry = recent.locator('li', { hasText: 'URL shortener' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Interviewer');

    // Opening it from the list lands on the board as the interviewer.
    await entry.getByRole('link', { name: /Open/ }).click();
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor({ state: 'attached' });
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Interviewer', roleChip);

    // Forget removes it from the list.
    await page.goto(fx.server.url + '/');
    await recent.locator('li').first().waitFor();
    const before = await recent.locator('li').count();
    await recent.locator('li').first().getByRole('button', { name: /Forget/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="recent-sessions"] li').length === n - 1, before);
  });
});
