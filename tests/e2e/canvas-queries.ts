/**
 * Pointer helpers over the React Flow canvas shared by the browser tests.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Drags `target` by (dx, dy) the way a person moves a node: grabs it 16 px in from its left edge
 * at half its height and moves in two halves of five steps each, so React Flow sees a real drag.
 */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const x = box.x + 16;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}
