/**
 * Issue 11, point 4: the replay runs on a time axis. A diagram drawn early and a burst of
 * typing later must not squeeze the diagram's history into the first pixels: the slider's
 * middle is the middle of the session's time, and the board shown there is the board as it was then.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

describe('replay on a time axis', () => {
  it('the slider’s middle shows the board at the middle of the session’s time', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.locator('[data-kind="service"]').waitFor();
    // Some real time passes with no change, then a burst of typing makes many small changes.
    const quietUntil = Date.now() + 4000;
    await page.waitForFunction((t) => Date.now() >= t, quietUntil);
    await page.getByTestId('section-requirements').click();
    await page.keyboard.type('Shorten URLs, redirect fast, count clicks per day', { delay: 15 });
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    const closed = await fetch(`${fx.server.url}/api/sessions/${session.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.interviewer}` },
    });
    expect(closed.status).toBe(200);

    const auth = { authorization: `Bearer ${session.tokens.interviewer}` };
    const timeline = (await (await fetch(`${fx.server.url}/api/sessions/${session.id}/timeline`, { headers: auth })).json()) as { points: { at: number }[] };
    const summary = (await (await fetch(`${fx.server.url}/api/sessions/${session.id}/summary`, { headers: auth })).json()) as {
      session: { createdAt: number; closedAt: number };
    };
    // Most changes are the typing: a slider over changes would put its middle inside it.
    expect(timeline.points.filter((p) => p.at >= quietUntil).length).toBeGreaterThan(timeline.points.length / 2);
    const start = summary.session.createdAt;
    const end = summary.session.closedAt;
    const middle = (start + end) / 2;

    await page.goto(`${fx.server.url}/s/${session.id}/summary#token=${session.tokens.interviewer}`);
    const slider = page.getByRole('slider', { name: 'Replay position' });
    await slider.waitFor();
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(Math.round((min + max) / 2)));
    const shown = page.getByTestId('replay-moment');
    await page.waitForFunction(
      ([m, span]) => Math.abs(Number(document.querySelector('[data-testid="replay-moment"]')?.getAttribute('data-at')) - m!) <= span! * 0.02,
      [middle, end - start],
    );
    expect(Number(await shown.getAttribute('data-at'))).toBeLessThan(quietUntil);
    await page.locator('[data-testid="replay-moment"][data-ready="true"]').waitFor();
    // The board at that moment: the service is drawn, the typing has not begun.
    const board = page.getByTestId('replay-board').first();
    await board.locator('[data-testid="replay-node"]').first().waitFor();
    expect(await board.textContent()).not.toContain('Shorten URLs');
  });
});
