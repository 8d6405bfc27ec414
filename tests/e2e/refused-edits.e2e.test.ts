/**
 * The board tells the truth about edits the server refused (issue 11 point 2, issue 12): after
 * the interviewer ends the round every open board turns read-only at once and says so, and an
 * edit the server refused — made offline just before the end, or a paste too large for the
 * board — is undone on screen and in the browser's stored copy, so after a reload the board
 * equals the server's. Real server, real Chromium; every wait is for a condition.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../core/src';
import type { CreatedSession } from '../support/board-client';
import { useBrowserFixture, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

async function serverBoard(session: CreatedSession): Promise<Board> {
  const res = await fetch(`${fx.server.url}/api/sessions/${session.id}/document`, {
    headers: { authorization: `Bearer ${session.tokens.interviewer}`, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Board;
}

/** The node ids on screen, sorted. */
const nodeIdsOnScreen = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id') ?? '').sort());

const sectionValue = (page: Page, id: string) =>
  page.getByTestId(`section-${id}`).evaluate((el) => (el as HTMLTextAreaElement).value);

const status = (page: Page, value: string) => page.locator(`[data-testid="connection-status"][data-status="${value}"]`).waitFor();

/** Waits until the page shows exactly the server's nodes and API text. */
async function expectServerBoard(page: Page, session: CreatedSession): Promise<void> {
  const board = await serverBoard(session);
  await waitForNodeCount(page, board.nodes.length);
  expect(await nodeIdsOnScreen(page)).toEqual(board.nodes.map((n) => n.id).sort());
  await page.getByTestId('section-tab-api').click();
  expect(await sectionValue(page, 'api')).toBe(board.sections.api ?? '');
}

describe('refused edits', () => {
  it('after the end every board is read-only, and the candidate’s refused node and API text are gone, even after a reload', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const { page: observer } = await fx.openBoard(session.links.observer, 'Olu');
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    await candidate.getByRole('button', { name: 'Add service' }).click();
    await waitForNodeCount(interviewer, 1);
    await status(candidate, 'saved');

    // The candidate's connection drops; they keep drawing and writing (kept in the browser).
    await candidate.context().setOffline(true);
    await status(candidate, 'offline');
    await candidate.getByRole('button', { name: 'Add database' }).click();
    await waitForNodeCount(candidate, 2);
    await candidate.getByTestId('section-tab-api').click();
    await candidate.getByTestId('section-api').click();
    await candidate.keyboard.type('POST /urls');

    // Meanwhile the interviewer ends the round: the boards that are online turn read-only at once.
    await interviewer.getByRole('button', { name: 'End session' }).click();
    await interviewer.getByRole('alertdialog', { name: 'End this session?' }).getByRole('button', { name: 'End session' }).click();
    for (const page of [interviewer, observer]) {
      await page.getByTestId('read-only-banner').waitFor();
      expect(await page.locator('nav.palette').count()).toBe(0);
    }

    // Back online, the candidate's offline work is refused: it leaves the screen, and the board says why.
    await candidate.context().setOffline(false);
    await expectServerBoard(candidate, session);
    const notice = candidate.getByTestId('refusal-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('SESSION_CLOSED');
    expect(await notice.textContent()).toMatch(/Not saved: .*interview has ended/);
    await candidate.getByTestId('read-only-banner').waitFor();
    await status(candidate, 'saved');

    // Trying again does nothing: no palette, the API text does not take typing.
    expect(await candidate.getByRole('button', { name: /^Add / }).count()).toBe(0);
    await candidate.getByTestId('section-api').click();
    await candidate.keyboard.type('GET /urls');
    expect(await sectionValue(candidate, 'api')).toBe('');

    // After a reload the refused node and text are not back: the browser's copy was rewritten too.
    await candidate.reload();
    await status(candidate, 'saved');
    await candidate.getByTestId('read-only-banner').waitFor();
    await expectServerBoard(candidate, session);
    expect((await serverBoard(session)).nodes).toHaveLength(1);
  });

  it('a paste too large for the board is refused, shown as refused, and gone after a reload', async () => {
    const session = await fx.createSession();
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada', { permissions: ['clipboard-read', 'clipboard-write'] });
    await candidate.getByRole('button', { name: 'Add service' }).click();
    await status(candidate, 'saved');

    // 300 components with long notes: about 9 MB, more than the 8 MiB a board may hold.
    const notes = '€'.repeat(10_000);
    const nodes = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      kind: 'service',
      label: `pasted ${i}`,
      x: (i % 20) * 160,
      y: Math.floor(i / 20) * 100,
      notes,
      props: {},
    }));
    await candidate.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify({ type: 'designroom/nodes@1', nodes, edges: [] }));
    await candidate.locator('.react-flow__pane').click();
    await candidate.keyboard.press('Control+v');

    const notice = candidate.getByTestId('refusal-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.getAttribute('data-code')).toBe('BOARD_FULL');
    expect(await notice.textContent()).toMatch(/board is full/);
    await status(candidate, 'saved');
    await expectServerBoard(candidate, session);

    await candidate.reload();
    await status(candidate, 'saved');
    await expectServerBoard(candidate, session);
    expect((await serverBoard(session)).nodes).toHaveLength(1);
  });
});
