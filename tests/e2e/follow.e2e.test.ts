/**
 * Watching the candidate in real Chromium: the interviewer sees what the candidate selects,
 * "Follow candidate" keeps the interviewer's view on the candidate's, a pan by hand ends it,
 * and an observer sees the interviewer's scores only while the interviewer shares them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/board-client';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

const DIAGRAM = ['---', 'prompt: url-shortener', '---', '', '## High-level design', '```mermaid', 'flowchart LR',
  '  web[Web client] --> lb[Load balancer]', '  lb --> api[Shortener API]', '  api --> cache[(Redis cache)]', '  api --> db[(Links DB)]', '```', ''].join('\n');

/** The centre and zoom of what the page shows, in flow coordinates (from React Flow's transform). */
const view = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const match = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)!;
    const [x, y, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return { cx: (pane.width / 2 - x) / zoom, cy: (pane.height / 2 - y) / zoom, zoom };
  });

/** Waits until the page's view is centred where `target` is (within a few flow pixels). */
const waitForCentre = (page: Page, target: { cx: number; cy: number }) =>
  eventually(async () => {
    const now = await view(page);
    return Math.abs(now.cx - target.cx) < 4 && Math.abs(now.cy - target.cy) < 4;
  }, 'the view to be centred on the followed one');

const nodeId = (page: Page, label: string) => page.locator('.react-flow__node', { hasText: label }).getAttribute('data-id');

describe('following the candidate', () => {
  it('shows their selection, follows their view until the interviewer pans', async () => {
    const session = await fx.createSession();
    const put = await fx.putDocument(session, DIAGRAM);
    expect(put.status).toBe(200);
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');

    // The candidate selects the cache; the interviewer sees it outlined with the candidate's name.
    await candidate.locator('.react-flow__node', { hasText: 'Redis cache' }).click();
    const cacheId = await nodeId(candidate, 'Redis cache');
    // Within 5 s: a lost presence packet would only be repaired by awareness's 15 s renewal.
    await interviewer.locator(`[data-testid="remote-selection"][data-node-id="${cacheId}"][data-person="Ada"]`).waitFor({ timeout: 5000 });
    expect(await candidate.getByTestId('remote-selection').count()).toBe(0);

    // Following: the interviewer's view centres where the candidate zoomed in.
    await interviewer.getByRole('button', { name: 'Follow candidate' }).click();
    await interviewer.getByTestId('following').filter({ hasText: 'Ada' }).waitFor();
    const db = candidate.locator('.react-flow__node', { hasText: 'Links DB' });
    const box = (await db.boundingBox())!;
    await candidate.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Ctrl + wheel zooms (the wheel alone pans).
    await candidate.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await candidate.mouse.wheel(0, -300);
    await candidate.keyboard.up('Control');
    await candidate.waitForFunction(() => /scale\(2\)/.test((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform));
    const target = await view(candidate);
    await waitForCentre(interviewer, target);
    expect((await view(interviewer)).zoom).toBeGreaterThan(1);

    // The zoom buttons move the view by code, yet pressing one is the interviewer's own move too
    // (zoom out: the followed view may already be at the largest zoom, where zoom in is disabled).
    await interviewer.locator('.react-flow__controls-zoomout').click();
    await interviewer.getByTestId('following').waitFor({ state: 'detached' });
    await interviewer.getByRole('button', { name: 'Follow candidate' }).click();
    await interviewer.getByTestId('following').waitFor();

    // The interviewer scrolls the view by hand: following ends, and the candidate's next move is not followed.
    const pane = (await interviewer.locator('.react-flow__pane').boundingBox())!;
    await interviewer.mouse.move(pane.x + 200, pane.y + 200);
    await interviewer.mouse.wheel(0, 400);
    await interviewer.getByRole('button', { name: 'Follow candidate' }).waitFor();
    expect(await interviewer.getByTestId('following').count()).toBe(0);
    const mine = await view(interviewer);

    // An observer follows the candidate from the avatar; once the observer has caught up with the
    // candidate's next move, that move has reached everyone, and the interviewer stayed put.
    const { page: observer } = await fx.openBoard(session.links.observer, 'Oscar');
    await observer.getByRole('button', { name: /^Ada.*Follow their view$/ }).click();
    await observer.getByTestId('following').filter({ hasText: 'Ada' }).waitFor();
    await candidate.keyboard.down('Control');
    await candidate.mouse.wheel(0, 600);
    await candidate.keyboard.up('Control');
    await candidate.waitForFunction(() => !/scale\(2\)/.test((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform));
    const moved = await view(candidate);
    await waitForCentre(observer, moved);
    expect(Math.abs(moved.cx - mine.cx) > 4 || Math.abs(moved.zoom - mine.zoom) > 0.01).toBe(true);
    expect(await view(interviewer)).toEqual(mine);
  });

  it("starts the interviewer's palette as icons only; showing the names is remembered", async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const palette = interviewer.getByRole('navigation', { name: 'Components' });
    const cache = palette.getByRole('button', { name: 'Add cache' });
    expect(await cache.textContent()).toBe('');
    const narrow = (await palette.boundingBox())!.width;
    await palette.getByRole('button', { name: 'Show component names' }).click();
    await palette.getByRole('button', { name: 'Add cache' }).filter({ hasText: 'Cache' }).waitFor();
    expect((await palette.boundingBox())!.width).toBeGreaterThan(narrow + 80);
    await interviewer.reload();
    await palette.getByRole('button', { name: 'Add cache' }).filter({ hasText: 'Cache' }).waitFor();
    await cache.click();
    await interviewer.locator('[data-kind="cache"]').waitFor();

    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');
    await candidate.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Add cache' }).filter({ hasText: 'Cache' }).waitFor();
  });

  it('lets an observer see the scores only while the interviewer shares them', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const { page: observer } = await fx.openBoard(session.links.observer, 'Oscar');
    await observer.getByRole('button', { name: 'Questions' }).click();

    const tools = interviewer.getByRole('tablist', { name: 'Interviewer tools' });
    await tools.getByRole('tab', { name: 'Rubric' }).click();
    await interviewer.getByRole('button', { name: 'Requirements: 3' }).click();
    await interviewer.locator('[aria-label="Requirements: 3"][aria-pressed="true"]').waitFor();
    expect(await observer.getByTestId('shared-scores').count()).toBe(0);

    // The box shows the server's state, so it changes once the server has applied the click.
    const share = interviewer.getByRole('checkbox', { name: 'Share notes and scores with observers' });
    await share.click();
    const shared = observer.getByTestId('shared-scores');
    await shared.locator('[aria-label="Requirements: 3"][aria-pressed="true"]').waitFor();
    expect(await shared.locator('[aria-label="Requirements: 3"]').isDisabled()).toBe(true);

    await interviewer.waitForFunction(() => (document.querySelector('.iv-share input') as HTMLInputElement | null)?.checked === true);
    await share.click();
    await shared.waitFor({ state: 'detached' });
  });
});
