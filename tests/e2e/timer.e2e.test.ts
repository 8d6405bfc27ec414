/**
 * The phased timer in solo practice, in real Chromium: the candidate keeps time (start,
 * next phase, pause, reset), and what the bar shows is what the server stored.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PublicInterview } from '../../core/src';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

const clockText = (page: Page) => page.getByTestId('timer-clock').textContent();
const currentPhase = (page: Page) => page.locator('[aria-label="Interview phases"] [aria-current="step"]').textContent();

describe('solo timer', () => {
  it('starts, moves through phases, pauses and resets, stored on the server', async () => {
    const session = await fx.createSession('solo');
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    const stored = async () => {
      const res = await fetch(`${fx.server.url}/api/sessions/${session.id}/interview`, { headers: { authorization: `Bearer ${session.tokens.candidate}` } });
      return ((await res.json()) as PublicInterview).interview;
    };
    expect(await clockText(page)).toBe('00:00');
    expect(await currentPhase(page)).toBe('Requirements');

    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="timer-clock"]')?.textContent === '00:01');
    await page.getByRole('button', { name: 'Next phase' }).click();
    await page.locator('[aria-label="Interview phases"] [aria-current="step"]', { hasText: 'Estimation' }).waitFor();
    expect((await stored()).phase).toBe('estimation');

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const paused = await stored();
    expect(paused.timer.running).toBe(false);
    expect(paused.timer.elapsedMs).toBeGreaterThanOrEqual(1000);
    // Paused: the clock shows the stored elapsed time and does not move on.
    const shown = await clockText(page);
    expect(shown).toBe(`00:0${Math.floor(paused.timer.elapsedMs / 1000)}`);

    // Reset asks first: Cancel keeps the time, confirming clears it.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Reset the timer?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await clockText(page)).toBe(shown);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await confirm.getByRole('button', { name: 'Reset timer' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="timer-clock"]')?.textContent === '00:00');
    await page.locator('[aria-label="Interview phases"] [aria-current="step"]', { hasText: 'Requirements' }).waitFor();
    const reset = await stored();
    expect(reset).toMatchObject({ phase: 'requirements', timer: { running: false, elapsedMs: 0 } });
  });
});
