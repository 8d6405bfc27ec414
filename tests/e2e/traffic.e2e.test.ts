/**
 * The traffic view in real Chromium, for two participants: the candidate turns it on and moves
 * the slider to 10×; both see the multiple, the over-capacity database tinted red with its
 * load against capacity, and it named as what saturates first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

const DESIGN = ['---', 'prompt: url-shortener', '---', '', '## Requirements', 'Redirect p99 under 50 ms.', '', '## Estimation',
  '- 1,000 writes/s and 20k redirects/s at peak.', '', '## High-level design', '```mermaid', 'flowchart LR',
  '  client([Browser]) --> api[URL service]', '  api --> cache[(Redis cache)]', '  api --> db[(PostgreSQL)]', '```', ''].join('\n');

const RED = 'rgb(220, 38, 38)';

/** The ring colour and the badge text the tint gives a node. */
const tint = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const wrapper = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
    const inner = wrapper?.querySelector('.design-node');
    if (!wrapper || !inner) return null;
    return { ring: getComputedStyle(inner).boxShadow, badge: (wrapper as HTMLElement).dataset.trafficBadge, shown: getComputedStyle(wrapper, '::after').display };
  }, id);

describe('the traffic view', () => {
  it('toggled and moved to 10× by one participant, shows the bottleneck tinted and named for both', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, DESIGN)).status).toBe(200);
    const { page: candidate, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    await waitForNodeCount(candidate, 4);
    await waitForNodeCount(interviewer, 4);

    await candidate.getByRole('button', { name: 'Traffic' }).click();
    const slider = candidate.getByRole('slider', { name: 'Traffic multiplier' });
    await slider.waitFor();
    // Drag the thumb from 1× to the right, then step to exactly 10× with the keyboard.
    const box = await slider.boundingBox();
    if (!box) throw new Error('the slider has no box');
    await candidate.mouse.move(box.x + 4, box.y + box.height / 2);
    await candidate.mouse.down();
    await candidate.mouse.move(box.x + box.width * 0.06, box.y + box.height / 2, { steps: 5 });
    await candidate.mouse.up();
    const dragged = Number((await candidate.getByTestId('traffic-multiple').textContent())?.replace('×', ''));
    expect(dragged).toBeGreaterThan(1);
    await slider.press(dragged < 10 ? 'ArrowRight' : 'ArrowLeft');
    for (let value = Number((await slider.inputValue()) || 1); value !== 10; value = Number(await slider.inputValue())) {
      await slider.press(value < 10 ? 'ArrowRight' : 'ArrowLeft');
    }

    for (const page of [candidate, interviewer]) {
      await page.getByTestId('traffic-multiple').filter({ hasText: '10×' }).waitFor();
      await page.getByTestId('traffic-first').filter({ hasText: 'First to saturate: PostgreSQL at 2.5×' }).waitFor();
      await page.getByTestId('traffic-saturated').filter({ hasText: 'PostgreSQL 400 %' }).waitFor();
      await page.waitForFunction(
        ([red]) => {
          const inner = document.querySelector('.react-flow__node[data-id="db"] .design-node');
          return inner !== null && getComputedStyle(inner).boxShadow.includes(red as string);
        },
        [RED],
      );
      const db = await tint(page, 'db');
      expect(db?.ring).toContain(RED);
      expect(db).toMatchObject({ badge: '30k / 7.5k · 400 %', shown: 'block' });
      // The stateless service scales out: no ring, just its load.
      expect(await tint(page, 'api')).toMatchObject({ badge: '210k/s · scales out' });
      expect((await tint(page, 'api'))?.ring).not.toContain(RED);
      expect(await page.getByTestId('traffic-baseline').textContent()).toContain('20k reads/s, 1k writes/s');
    }
    expect(await interviewer.getByRole('slider', { name: 'Traffic multiplier' }).inputValue()).toBe('10');

    // Turned off by either, it is off for both and the tint is gone.
    await interviewer.getByRole('button', { name: /^Traffic · / }).click();
    for (const page of [candidate, interviewer]) {
      await page.getByTestId('traffic-first').waitFor({ state: 'detached' });
      await page.waitForFunction(() => !document.querySelector('.react-flow__node[data-traffic-band]'));
    }
    expect(dialogs).toEqual([]);
  });
});
