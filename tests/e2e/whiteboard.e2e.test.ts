/**
 * Whiteboard editing in real Chromium against the real server: undo/redo of one's own edits
 * only, copy/paste/duplicate, the shortcuts overlay, kind and per-kind properties,
 * auto-layout (and undoing it), dark mode. Every wait is for a condition, never a fixed sleep.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedSession } from '../support/board-client';
import { dragBy } from './canvas-queries';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

/** Replaces the board with a design doc whose diagram is the given Mermaid flowchart. */
async function importDiagram(session: CreatedSession, flowchart: string): Promise<void> {
  const doc = ['---', 'prompt: url-shortener', '---', '', '## High-level design', '```mermaid', 'flowchart LR', flowchart, '```', ''].join('\n');
  const response = await fx.putDocument(session, doc);
  expect(response.ok).toBe(true);
}

/** Opens the candidate's and the interviewer's boards of one new session. */
async function openPair(): Promise<{ session: CreatedSession; a: Page; b: Page }> {
  const session = await fx.createSession();
  const { page: a } = await fx.openBoard(session.links.candidate, 'Ada');
  const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
  return { session, a, b };
}

const selectedCount = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.react-flow__node.selected').length === n, count);
const hasKind = (page: Page, kind: string, count = 1) =>
  page.waitForFunction(([k, n]) => document.querySelectorAll(`[data-kind="${k}"]`).length === n, [kind, count] as const);

/** Node rectangles on screen, keyed by label text order. */
const rects = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, id: el.getAttribute('data-id') ?? '' };
    }),
  );

/** Each node's id and flow position (React Flow's transform), sorted: independent of pan and zoom. */
const flowPositions = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => `${el.dataset.id}@${el.style.transform}`).sort());

describe('whiteboard e2e', () => {
  it('undo reverts only my own edit, for everyone; redo brings it back', async () => {
    const { a, b } = await openPair();

    await a.getByRole('button', { name: 'Add service' }).click();
    await hasKind(b, 'service');
    await b.getByRole('button', { name: 'Add database' }).click();
    await hasKind(a, 'database');

    await a.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
    await a.keyboard.press('Control+z');
    for (const page of [a, b]) {
      await hasKind(page, 'service', 0);
      await hasKind(page, 'database', 1);
    }

    await a.getByRole('button', { name: 'Redo' }).click();
    for (const page of [a, b]) await hasKind(page, 'service', 1);
    await a.getByRole('button', { name: 'Undo' }).click();
    for (const page of [a, b]) await hasKind(page, 'service', 0);
    await a.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
    await a.keyboard.press('Control+Shift+z');
    for (const page of [a, b]) await hasKind(page, 'service', 1);
    await hasKind(b, 'database', 1);
  });

  it('copies two shift-selected nodes and the edge between them; paste and duplicate add new ones for the other user', async () => {
    const { session, a, b } = await openPair();
    await importDiagram(session, '  api[Shortener API] --> db[(Links DB)]');
    await waitForNodeCount(b, 2);
    await waitForEdgeCount(b, 1);

    // Shift-click selects both.
    await a.locator('.react-flow__node', { hasText: 'Shortener API' }).click();
    await a.locator('.react-flow__node', { hasText: 'Links DB' }).click({ modifiers: ['Shift'] });
    await selectedCount(a, 2);

    await a.keyboard.press('Control+c');
    await a.keyboard.press('Control+v');
    await waitForNodeCount(b, 4);
    await waitForEdgeCount(b, 2);
    await b.locator('.react-flow__node', { hasText: 'Shortener API' }).nth(1).waitFor();
    // The pasted copies are selected (and the originals are not); Ctrl+D duplicates them.
    await selectedCount(a, 2);
    await a.keyboard.press('Control+d');
    await waitForNodeCount(b, 6);
    await waitForEdgeCount(b, 3);
    const ids = new Set((await rects(b)).map((r) => r.id));
    expect(ids.size).toBe(6);
  });

  it('box select picks several nodes and moving them writes every position', async () => {
    const { a, b } = await openPair();
    await a.getByRole('button', { name: 'Add service' }).click();
    await a.getByRole('button', { name: 'Add worker' }).click();
    await waitForNodeCount(b, 2);

    const pane = (await a.locator('.react-flow__pane').boundingBox())!;
    await a.mouse.move(pane.x + 10, pane.y + 60);
    await a.mouse.down();
    await a.mouse.move(pane.x + pane.width - 10, pane.y + pane.height - 10, { steps: 10 });
    await a.mouse.up();
    await selectedCount(a, 2);

    const before = await rects(b);
    await dragBy(a, a.locator('[data-kind="service"]'), 0, 120);
    await b.waitForFunction(
      (old) => {
        const now = [...document.querySelectorAll('.react-flow__node')].map((el) => el.getBoundingClientRect().y);
        return now.length === 2 && now.every((y, i) => y > old[i]! + 40);
      },
      before.map((r) => r.y),
    );
  });

  it('shows the shortcuts overlay with ? and closes it with Escape; snap toggles; kind and properties are editable', async () => {
    const { a, b } = await openPair();
    await a.getByText('Add a component from the palette or press ? for shortcuts').waitFor();

    await a.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
    await a.keyboard.press('?');
    const dialog = a.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Undo');
    await a.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Snap to grid is on by default and toggles.
    const snap = a.getByRole('button', { name: 'Snap to grid' });
    expect(await snap.getAttribute('aria-pressed')).toBe('true');
    await snap.click();
    await a.locator('button[aria-label="Snap to grid"][aria-pressed="false"]').waitFor();
    await snap.click();
    await a.locator('button[aria-label="Snap to grid"][aria-pressed="true"]').waitFor();

    await a.getByRole('button', { name: 'Add service' }).click();
    await a.getByRole('combobox', { name: 'Component kind' }).selectOption('database');
    await hasKind(b, 'database');
    await a.getByRole('combobox', { name: 'Engine' }).selectOption('PostgreSQL');
    await a.getByRole('combobox', { name: 'Replication' }).selectOption('Primary–replica');
    await b.getByTestId('node-props').filter({ hasText: 'PostgreSQL · Primary–replica' }).waitFor();
  });

  it('auto-layout leaves no two nodes overlapping, and one undo restores the previous positions', async () => {
    const session = await fx.createSession();
    const { page: a } = await fx.openBoard(session.links.candidate, 'Ada');
    // Four clicks at the view centre stagger the nodes so that they overlap.
    for (const kind of ['client', 'service', 'database', 'cache']) await a.getByRole('button', { name: `Add ${kind}` }).click();
    await waitForNodeCount(a, 4);
    await a.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
    const before = await flowPositions(a);

    await a.getByRole('button', { name: 'Auto-layout' }).click();
    await a.waitForFunction(() => {
      const rs = [...document.querySelectorAll('.react-flow__node')].map((el) => el.getBoundingClientRect());
      for (let i = 0; i < rs.length; i++)
        for (let j = i + 1; j < rs.length; j++) {
          const [p, q] = [rs[i]!, rs[j]!];
          if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) return false;
        }
      return rs.length === 4;
    });
    await a.getByRole('button', { name: 'Auto-layout' }).and(a.locator(':enabled')).waitFor();
    expect(await flowPositions(a)).not.toEqual(before);

    await a.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
    await a.keyboard.press('Control+z');
    await a.waitForFunction(
      (old) => {
        const now = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => `${el.dataset.id}@${el.style.transform}`);
        return JSON.stringify(now.sort()) === JSON.stringify(old);
      },
      before,
    );
  });

  it('follows a dark system theme, and the toggle overrides it and is remembered', async () => {
    const session = await fx.createSession();
    const { page: a } = await fx.openBoard(session.links.candidate, 'Ada', { colorScheme: 'dark' });
    const luminance = () =>
      a.evaluate(() => {
        const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(document.querySelector('.canvas')!).backgroundColor)!;
        return (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3])) / 255;
      });
    expect(await luminance()).toBeLessThan(0.2);
    await a.getByRole('button', { name: 'Switch to light mode' }).click();
    await a.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    expect(await luminance()).toBeGreaterThan(0.8);
    await a.reload();
    await a.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    expect(await luminance()).toBeGreaterThan(0.8);
  });
});
