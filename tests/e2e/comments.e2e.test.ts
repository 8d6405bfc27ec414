/**
 * Comments in real Chromium against the real server: added by one person, resolved by another,
 * shown as plain text, read-only for observers. Every wait is for a condition, never a sleep.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

async function openComments(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Comments/ }).click();
  await page.getByTestId('comments-panel').waitFor();
}

async function addComment(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'New comment' }).fill(text);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
}

describe('comments e2e', () => {
  it('syncs, resolves, escapes and hides the input from observers', async () => {
    const session = await fx.createSession();
    const { page: candidate, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: interviewer, dialogs: interviewerDialogs } = await fx.openBoard(session.links.interviewer, 'Grace');

    await openComments(candidate);
    await openComments(interviewer);
    await addComment(candidate, 'Where is the cache?');

    const seen = interviewer.locator('[data-testid="comment"]', { hasText: 'Where is the cache?' });
    await seen.waitFor();
    await expect(seen.textContent()).resolves.toContain('Ada');
    await seen.getByRole('button', { name: 'Resolve' }).click();
    await candidate.locator('[data-testid="comment"][data-resolved="true"]', { hasText: 'Where is the cache?' }).waitFor();
    await candidate.locator('[data-testid="comment"]').getByRole('button', { name: 'Reopen' }).waitFor();

    const evil = '<img src=x onerror=alert(1)>';
    await addComment(candidate, evil);
    await interviewer.locator('[data-testid="comment"]', { hasText: evil }).waitFor();
    for (const page of [candidate, interviewer]) {
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('.comment-text', { hasText: evil }).textContent()).toBe(evil);
    }

    const { page: observer, dialogs: observerDialogs } = await fx.openBoard(session.links.observer, 'Oscar');
    await openComments(observer);
    await observer.locator('[data-testid="comment"]', { hasText: evil }).waitFor();
    expect(await observer.locator('[data-testid="comment"]').count()).toBe(2);
    expect(await observer.getByRole('textbox', { name: 'New comment' }).count()).toBe(0);
    expect(await observer.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    expect(await observer.locator('img[src="x"]').count()).toBe(0);
    expect([...dialogs, ...interviewerDialogs, ...observerDialogs]).toEqual([]);
  });

  it('pins a comment to the selected node: the other side sees a pin that leads to it', async () => {
    const session = await fx.createSession();
    const diagram = ['---', 'prompt: url-shortener', '---', '', '## High-level design', '```mermaid', 'flowchart LR', '  api[Shortener API] --> db[(Links DB)]', '```', ''].join('\n');
    expect((await fx.putDocument(session, diagram)).status).toBe(200);
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    const db = interviewer.locator('.react-flow__node', { hasText: 'Links DB' });
    const dbId = await db.getAttribute('data-id');

    await db.click();
    await openComments(interviewer);
    await interviewer.getByTestId('comments-panel').getByText('on Links DB').waitFor();
    await addComment(interviewer, 'How is this sharded?');

    // The candidate has the panel closed: a pin on the node and a count on the toggle say so.
    const pin = candidate.locator(`[data-testid="comment-pin"][data-node-id="${dbId}"]`);
    await pin.waitFor();
    expect(await pin.textContent()).toBe('1');
    await candidate.getByRole('button', { name: 'Comments, 1 open' }).waitFor();
    await pin.click();
    const comment = candidate.locator('[data-testid="comment"]', { hasText: 'How is this sharded?' });
    await comment.waitFor();
    expect(await comment.getAttribute('class')).toContain('on-selected');
    expect(await candidate.locator(`.react-flow__node.selected[data-id="${dbId}"]`).count()).toBe(1);

    // Resolved: the pin goes, on both sides.
    await comment.getByRole('button', { name: 'Resolve' }).click();
    await pin.waitFor({ state: 'detached' });
    await interviewer.locator(`[data-testid="comment-pin"][data-node-id="${dbId}"]`).waitFor({ state: 'detached' });
  });
});
