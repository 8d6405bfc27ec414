/**
 * The board in real Chromium against the real server: two people on one session see each
 * other's nodes, labels, connections and section text; an observer cannot change anything.
 * Every wait is for a condition in the page, never a fixed sleep.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dragBy } from './canvas-queries';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

/** Waits until the database node stands more than 40 px to the right of the service node. */
const databaseRightOfService = (page: Page) =>
  page.waitForFunction(() => {
    const [a, b] = ['service', 'database'].map((k) => document.querySelector(`[data-kind="${k}"]`)!.getBoundingClientRect());
    return b!.left - a!.right > 40;
  });

describe('board e2e', () => {
  it('shows nodes, renames, connections and deletions from one browser in the other', async () => {
    const session = await fx.createSession();
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');

    // Presence: each sees the other by name.
    await candidate.locator('[data-testid="presence"] [aria-label^="Grace"]').waitFor();
    await interviewer.locator('[data-testid="presence"] [aria-label^="Ada"]').waitFor();

    await candidate.getByRole('button', { name: 'Add service' }).click();
    await waitForNodeCount(interviewer, 1);
    await interviewer.locator('.react-flow__node', { hasText: 'Service' }).waitFor();

    // Rename in place: double-click, type, Enter.
    await candidate.locator('[data-kind="service"]').dblclick();
    const input = candidate.getByRole('textbox', { name: 'Component name' });
    await input.fill('Shortener API');
    await input.press('Enter');
    await interviewer.locator('.react-flow__node', { hasText: 'Shortener API' }).waitFor();

    // A second node from the other side, then a connection dragged between handles.
    await interviewer.getByRole('button', { name: 'Add database' }).click();
    await waitForNodeCount(candidate, 2);
    const service = candidate.locator('.react-flow__node:has([data-kind="service"])');
    const database = candidate.locator('.react-flow__node:has([data-kind="database"])');
    await dragBy(candidate, database.locator('[data-kind="database"]'), 260, 0);
    await databaseRightOfService(candidate);
    await service.hover();
    const from = (await service.locator('.react-flow__handle-right').boundingBox())!;
    await database.hover();
    const to = (await database.locator('.react-flow__handle-left').boundingBox())!;
    await candidate.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await candidate.mouse.down();
    await candidate.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await candidate.mouse.up();
    await waitForEdgeCount(interviewer, 1);

    // The drag was written when it ended: the other browser has the node at its new place.
    await databaseRightOfService(interviewer);

    // Delete key removes the selected node (and its edge) everywhere.
    await candidate.locator('[data-kind="database"]').click();
    await candidate.keyboard.press('Delete');
    await waitForNodeCount(interviewer, 1);
    await waitForEdgeCount(interviewer, 0);
  });

  it('section text typed in one browser appears in the other', async () => {
    const session = await fx.createSession();
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');

    await candidate.getByTestId('section-tab-estimation').click();
    await interviewer.getByTestId('section-tab-estimation').click();
    await candidate.getByTestId('section-estimation').click();
    await candidate.keyboard.type('100M URLs a month, 10:1 reads');
    await interviewer.waitForFunction(
      () => (document.querySelector('[data-testid="section-estimation"]') as HTMLTextAreaElement | null)?.value === '100M URLs a month, 10:1 reads',
    );

    // Both type into one section; the caret of each stays where that person is typing.
    await interviewer.getByTestId('section-estimation').click();
    await interviewer.keyboard.press('End');
    await interviewer.keyboard.type(' (peak x3)');
    await candidate.keyboard.press('Home');
    await candidate.keyboard.type('Traffic: ');
    const expected = 'Traffic: 100M URLs a month, 10:1 reads (peak x3)';
    for (const page of [candidate, interviewer]) {
      await page.waitForFunction(
        (text) => (document.querySelector('[data-testid="section-estimation"]') as HTMLTextAreaElement | null)?.value === text,
        expected,
      );
    }
  });

  it('an observer sees the board but has no palette and cannot edit', async () => {
    const session = await fx.createSession();
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: observer } = await fx.openBoard(session.links.observer, 'Olivia');

    await candidate.getByRole('button', { name: 'Add cache' }).click();
    await waitForNodeCount(observer, 1);
    expect(await observer.locator('nav.palette').count()).toBe(0);
    expect(await observer.getByRole('button', { name: /^Add / }).count()).toBe(0);
    expect(await observer.getByTestId('section-requirements').getAttribute('readonly')).not.toBeNull();

    // Double-click and Delete do nothing for an observer.
    await observer.locator('[data-kind="cache"]').dblclick();
    expect(await observer.getByRole('textbox', { name: 'Component name' }).count()).toBe(0);
    await observer.locator('[data-kind="cache"]').click();
    await observer.keyboard.press('Delete');
    await waitForNodeCount(observer, 1);
    await waitForNodeCount(candidate, 1);
  });

  it('explains a link without a token, and one the server refuses', async () => {
    const session = await fx.createSession();
    const { page } = await fx.newPage();
    await page.goto(`${fx.server.url}/s/${session.id}`);
    await page.getByRole('heading', { name: 'This board link is incomplete' }).waitFor();

    await page.goto(`${fx.server.url}/s/${session.id}#token=${'x'.repeat(43)}`);
    await page.locator('[data-testid="connection-status"][data-status="denied"]').waitFor();
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  });
});
