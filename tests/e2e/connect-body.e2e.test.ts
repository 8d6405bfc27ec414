/**
 * Issue 11, point 6: a connection dragged from a node's handle and dropped anywhere on another
 * node's body connects the two, as in Excalidraw or Miro; only the small handle used to work.
 */
import { describe, expect, it } from 'vitest';
import { dragBy } from './canvas-queries';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

describe('drawing connections', () => {
  it('a connection dropped on the middle of a node body connects it', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByRole('button', { name: 'Add database' }).click();
    await waitForNodeCount(page, 2);
    const service = page.locator('.react-flow__node:has([data-kind="service"])');
    const database = page.locator('.react-flow__node:has([data-kind="database"])');
    await dragBy(page, database.locator('[data-kind="database"]'), 300, 120);
    await page.waitForFunction(() => {
      const [a, b] = ['service', 'database'].map((k) => document.querySelector(`[data-kind="${k}"]`)!.getBoundingClientRect());
      return b!.left - a!.right > 60 && b!.top - a!.bottom > 20;
    });

    await service.hover();
    const from = (await service.locator('.react-flow__handle-right').boundingBox())!;
    const body = (await database.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // The drop point is the middle of the body, far from any of its four side handles.
    await page.mouse.move(body.x + body.width / 2, body.y + body.height / 2, { steps: 12 });
    await page.mouse.up();
    await waitForEdgeCount(page, 1, { timeout: 5000 });

    // What a screen reader hears for the edge names the components, never their internal ids.
    const ids = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!));
    const label = (await page.locator('.react-flow__edge').getAttribute('aria-label'))!;
    expect(label).toContain('Service');
    expect(label).toContain('Database');
    for (const id of ids) expect(label).not.toContain(id);
  });

  it('the mouse wheel pans the canvas and Ctrl + wheel zooms it', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await page.getByRole('button', { name: 'Add service' }).click();
    await waitForNodeCount(page, 1);
    const transform = () => page.locator('.react-flow__viewport').evaluate((v) => (v as HTMLElement).style.transform);
    const scale = async () => Number(/scale\(([-\d.]+)\)/.exec(await transform())![1]);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);

    const before = await transform();
    const zoom = await scale();
    await page.mouse.wheel(0, 200);
    await page.waitForFunction((t) => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform !== t, before);
    expect(await scale()).toBe(zoom);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((z) => {
      const m = /scale\(([-\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
      return m !== null && Number(m[1]) > z;
    }, zoom);
  });
});
