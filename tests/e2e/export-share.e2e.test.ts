/**
 * Review exports and review links from the board page (issue 10): Markdown, HTML and JSON
 * download through the Export menu with the token in a header (never in a URL), the Markdown
 * imports back to the same board, markup in a label stays text; a review link made in the
 * Share dialog opens the review, and stops working once revoked.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDesignDoc, importDesign, type Board } from '../../core/src';
import { designExportSchema } from '../../core/src/export';
import { useBrowserFixture, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();
const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

const board: Board = {
  meta: { prompt: 'url-shortener' },
  nodes: [
    { id: 'web', kind: 'client', label: 'Browser', x: 0, y: 0, notes: '', props: {} },
    { id: 'core', kind: 'group', label: 'Core', x: 250, y: -40, width: 560, height: 220, notes: '', props: {} },
    { id: 'api', kind: 'service', label: HOSTILE, x: 30, y: 40, notes: '', props: {}, parent: 'core' },
    { id: 'cache', kind: 'cache', label: 'Redis cache', x: 330, y: 40, notes: '', props: {}, parent: 'core' },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'api', label: 'HTTPS', mode: 'sync' },
    { id: 'e2', source: 'api', target: 'cache', label: 'read-through', mode: 'async' },
  ],
  sections: { requirements: 'Shorten URLs; redirect in under 50 ms.', api: 'POST /urls -> 201 {code}' },
  comments: [],
};

async function download(page: Page, format: 'md' | 'html' | 'json') {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** What a round trip must keep: ids, kinds, labels, groups, edges and section texts. */
const shape = (b: Board) => ({
  nodes: b.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, parent: n.parent })).sort((a, c) => a.id.localeCompare(c.id)),
  edges: b.edges.map((e) => ({ source: e.source, target: e.target, label: e.label, mode: e.mode })).sort((a, c) => a.source.localeCompare(c.source)),
  sections: b.sections,
});

describe('review exports from the board', () => {
  it('downloads Markdown that imports back to the same board, HTML with markup kept as text, and schema-valid JSON', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await waitForNodeCount(page, 4);
    const review = await fetch(`${fx.server.url}/api/sessions/${session.id}/reviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(review.status).toBe(201);

    const md = await download(page, 'md');
    expect(md.name).toMatch(/\.md$/);
    expect(shape(importDesign(md.text, { filename: md.name }).board)).toEqual(shape(board));

    const html = await download(page, 'html');
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).toMatch(/^<!doctype html>/i);
    expect(html.text).not.toContain('<script');
    expect(html.text).not.toContain('<img');
    expect(html.text).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

    const json = await download(page, 'json');
    const parsed = designExportSchema.parse(JSON.parse(json.text));
    expect(shape(parsed.board)).toEqual(shape(board));
    expect(parsed.reviews.length).toBeGreaterThan(0);

    // The token travelled in headers only.
    const exportCalls = urls.filter((u) => u.includes('/export'));
    expect(exportCalls).toHaveLength(3);
    for (const url of urls) expect(url).not.toContain(session.tokens.candidate);
    expect(dialogs).toEqual([]);
  });
});

describe('exports from the summary page', () => {
  it('downloads the Markdown review there too, as the interviewer', async () => {
    const session = await fx.createSession('live');
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page } = await fx.newPage();
    await page.goto(`${fx.server.url}/s/${session.id}/summary#token=${session.tokens.interviewer}`);
    await page.getByTestId('summary').waitFor();
    const md = await download(page, 'md');
    expect(shape(importDesign(md.text).board)).toEqual(shape(board));
    expect(await page.getByRole('button', { name: 'Share review' }).count()).toBe(1);
  });
});

describe('review links', () => {
  it('the interviewer makes a link that opens the review, and revoking it stops it', async () => {
    const session = await fx.createSession('live');
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page } = await fx.openBoard(session.links.interviewer, 'Grace', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForNodeCount(page, 4);

    await page.getByRole('button', { name: 'Share review' }).click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.getByText('Include my private notes and scores').waitFor();
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByRole('textbox', { name: 'New review link' }).inputValue();
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{20,}$/);
    await dialog.getByRole('button', { name: 'Copy' }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.getByTestId('share-list').locator('li').first().waitFor();

    const { page: reader, dialogs } = await fx.newPage();
    const opened = await reader.goto(link);
    expect(opened?.status()).toBe(200);
    // The review: the diagram's components, the markup in a label as text only.
    expect(await reader.locator('body').innerText()).toContain('Redis cache');
    expect(await reader.locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);

    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByTestId('share-list').getByText('Revoked').waitFor();
    const again = await reader.goto(link);
    expect(again?.status()).toBe(410);
    expect(await reader.locator('body').innerText()).not.toContain('Redis cache');
  });

  it('is offered to a solo candidate without private notes, and not to a live candidate', async () => {
    const solo = await fx.createSession('solo');
    const { page } = await fx.openBoard(solo.links.candidate, 'Ada');
    await page.getByRole('button', { name: 'Share review' }).click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.getByRole('button', { name: 'Create link' }).waitFor();
    expect(await dialog.getByText('Include my private notes and scores').count()).toBe(0);

    const live = await fx.createSession('live');
    const { page: candidate } = await fx.openBoard(live.links.candidate, 'Bo');
    await candidate.getByRole('button', { name: 'Export' }).waitFor();
    expect(await candidate.getByRole('button', { name: 'Share review' }).count()).toBe(0);
  });
});
