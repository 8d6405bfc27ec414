/**
 * Import on the board page (issue 10): an Excalidraw file by the picker and by drag-and-drop,
 * shown before it is applied (counts and what cannot be mapped), applied as one transaction
 * that one Ctrl+Z reverts; and the clipboard: an invalid payload is refused whole, an over-long
 * label is shortened with a word to the user, pasted Mermaid text offers an import.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDesignDoc, type Board } from '../../core/src';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();
const DRAWING = fileURLToPath(new URL('../fixtures/import/hand-drawn.excalidraw', import.meta.url));
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Puts focus on the canvas (an empty spot of the pane), where the board's keys apply. */
async function focusCanvas(page: Page) {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.click(box.x + box.width - 40, box.y + 40);
}

async function undoOnce(page: Page) {
  await focusCanvas(page);
  await page.keyboard.press('Control+z');
}

async function confirmImport(page: Page, button: string) {
  const dialog = page.getByTestId('import-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('import-counts').innerText()).toMatch(/5\s+components[\s\S]*3\s+connections[\s\S]*1\s+group/);
  // Every element that has no place on a board is listed, never dropped silently.
  expect(await dialog.getByTestId('import-unmapped').locator('li').count()).toBe(6);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

const board: Board = {
  meta: { prompt: 'url-shortener' },
  nodes: [
    { id: 'api', kind: 'service', label: 'API', x: 0, y: 0, notes: '', props: {} },
    { id: 'db', kind: 'database', label: 'DB', x: 300, y: 0, notes: '', props: {} },
  ],
  edges: [{ id: 'e', source: 'api', target: 'db', label: '', mode: 'sync' }],
  sections: {},
  comments: [],
};

const payload = (nodes: unknown[]) => JSON.stringify({ type: 'designroom/nodes@1', nodes, edges: [] });
const node = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'cache', label: 'Copied cache', x: 40, y: 200, notes: '', props: {}, ...extra });

async function pasteText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await focusCanvas(page);
  await page.keyboard.press('Control+v');
}

/** The JavaScript the page has loaded so far, by URL. */
function recordScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.set(response.url(), response.text());
  });
  return scripts;
}

const loadsYaml = async (scripts: Map<string, Promise<string>>) => (await Promise.all(scripts.values())).some((code) => code.includes('YAMLParseError'));

describe('import on the board page', () => {
  it('loads the parsers (and yaml) only when the import dialog opens', async () => {
    const session = await fx.createSession();
    const { page } = await fx.newPage();
    const scripts = recordScripts(page);
    await page.goto(fx.server.url + session.links.candidate);
    await page.getByTestId('name-input').fill('Ada');
    await page.getByRole('dialog', { name: 'What should others call you?' }).getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    expect(scripts.size).toBeGreaterThan(0);
    expect(await loadsYaml(scripts)).toBe(false);

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('dialog', { name: 'Import a design' }).waitFor();
    expect(await loadsYaml(scripts)).toBe(true);
  });

  it('imports an Excalidraw file by the picker, shows it to the other participant, and one Ctrl+Z removes it', async () => {
    const session = await fx.createSession();
    const { page, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: other } = await fx.openBoard(session.links.interviewer, 'Grace');

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-file').setInputFiles(DRAWING);
    await confirmImport(page, 'Replace the board');
    await waitForNodeCount(page, 6);
    await waitForEdgeCount(page, 3);
    await page.locator('.react-flow__node', { hasText: 'Redis cache' }).waitFor();
    await waitForNodeCount(other, 6);

    await undoOnce(page);
    await waitForNodeCount(page, 0);
    await waitForNodeCount(other, 0);
    expect(dialogs).toEqual([]);
  });

  it('imports a file dropped on the canvas next to what is there, and one Ctrl+Z removes only the import', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await waitForNodeCount(page, 2);

    const text = await readFile(DRAWING, 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'practice.excalidraw', { type: 'application/json' }));
      return data;
    }, text);
    const canvas = page.locator('.react-flow__pane');
    await canvas.dispatchEvent('dragenter', { dataTransfer: transfer });
    await canvas.dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByText('Drop the file to import it').waitFor();
    await canvas.dispatchEvent('drop', { dataTransfer: transfer });
    await confirmImport(page, 'Add to the board');
    await waitForNodeCount(page, 8);
    await waitForEdgeCount(page, 4);

    await undoOnce(page);
    await waitForNodeCount(page, 2);
    await waitForEdgeCount(page, 1);
    await page.locator('.react-flow__node', { hasText: 'API' }).waitFor();
  });
});

describe('paste validation', () => {
  it('refuses a payload with one invalid component whole, with a visible reason, and the board is unchanged', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page, dialogs } = await fx.openBoard(session.links.candidate, 'Ada', CLIPBOARD);
    await waitForNodeCount(page, 2);

    await pasteText(page, payload([node('ok'), node('bad', { kind: '<img src=x onerror=alert(1)>', label: '<script>alert(2)</script>' })]));
    const notice = page.getByTestId('board-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.innerText()).toMatch(/Nothing was pasted.*nodes\.1\.kind/s);
    expect(await page.locator('.react-flow__node').count()).toBe(2);

    // A valid payload still pastes afterwards: the refusal was about the payload, not the clipboard.
    await pasteText(page, payload([node('ok')]));
    await waitForNodeCount(page, 3);
    expect(dialogs).toEqual([]);
  });

  it('shortens a 693-character label to the board limit and says so, keeping the full text in the notes', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada', CLIPBOARD);
    const long = `Start-${'y'.repeat(683)}-end`;
    expect(long).toHaveLength(693);
    await pasteText(page, payload([node('long', { label: long })]));
    await waitForNodeCount(page, 1);
    await page.getByTestId('board-notice').filter({ hasText: 'shortened' }).waitFor();
    const label = await page.locator('.react-flow__node').innerText();
    expect(label).toContain('Start-yyy');
    expect(label).not.toContain('-end');
    // Nothing is lost: the stored node keeps the whole label in its notes.
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    const stored = (await fetch(`${fx.server.url}/api/sessions/${session.id}/document`, {
      headers: { authorization: `Bearer ${session.tokens.candidate}`, accept: 'application/json' },
    }).then((r) => r.json())) as Board;
    expect(stored.nodes.map((n) => [n.label.length, n.notes])).toEqual([[200, `Full label: ${long}`]]);
  });

  it('offers to import pasted Mermaid text instead of ignoring it', async () => {
    const session = await fx.createSession();
    const { page } = await fx.openBoard(session.links.candidate, 'Ada', CLIPBOARD);
    await pasteText(page, 'flowchart LR\n  web([Browser]) -->|HTTPS| api[Orders API]\n  api --> db[(Orders DB)]\n');
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('import-counts').innerText()).toMatch(/3\s+components[\s\S]*2\s+connections/);
    await dialog.getByRole('button', { name: 'Replace the board' }).click();
    await waitForNodeCount(page, 3);
    await page.locator('.react-flow__node', { hasText: 'Orders DB' }).waitFor();
  });
});
