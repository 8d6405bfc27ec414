/**
 * The HTML export as a committee opens it: from a file, offline, in Chromium. Nothing a user
 * wrote may run or fetch anything; the shared review link behaves the same over HTTP.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml, type ExportData } from '../../core/src/export';
import { loadRubrics } from '../../server/src/data/rubrics';
import { sampleData } from '../unit/export/sample';
import { useBrowserFixture } from './fixture';

const fixture = useBrowserFixture({ env: { SESSION_CREATE_PER_MINUTE: '1000' } });

/** A real HTTP server that counts every request: any hit means the export reached the network. */
let probe: Server;
const hits: string[] = [];
let probeUrl = '';
beforeAll(async () => {
  probe = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('content-type', 'image/png');
    res.end();
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => probe.close(resolve));
});

/** Script and fetch attempts in every place a user can write: labels, notes, sections, comments, answers, reviews. */
function attacks(): string[] {
  return [
    `<script>window.__pwned = 1</script>`,
    `<img src="${probeUrl}/img" onerror="window.__pwned = 2">`,
    `<svg onload="window.__pwned = 3"></svg>`,
    `<iframe src="${probeUrl}/iframe"></iframe>`,
    `<link rel="stylesheet" href="${probeUrl}/css">`,
    `<style>@import url(${probeUrl}/import);</style>`,
    `</script><script>alert(1)</script><img src=x onerror=alert(2)>`,
  ];
}

async function hostileData(): Promise<ExportData> {
  const data = sampleData(await loadRubrics());
  const all = attacks().join(' ');
  data.board.nodes[0]!.label = attacks()[1]!;
  data.board.nodes[1]!.notes = all;
  data.board.edges[0]!.label = attacks()[0]!;
  data.board.sections.api = `${all}\n\n![tracking](${probeUrl}/markdown-image.png)\n\n[click](javascript:window.__pwned=4)`;
  data.comments[0]!.text = all;
  data.questions[0]!.answer = all;
  data.reviews[0]!.review.items[1]!.summary = all;
  data.private!.notes[0]!.text = all;
  return data;
}

describe('the HTML export in Chromium', () => {
  it('opens from a file with no request beyond the file itself and no script running', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'designroom-export-')), 'review.html');
    writeFileSync(file, exportHtml(await hostileData()));
    const url = pathToFileURL(file).href;
    const { page, dialogs } = await fixture.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    // The diagram and the reviews are there and drawn.
    await page.locator('#diagram svg g[id^="node-"]').first().waitFor();
    expect(await page.locator('#diagram svg g[id^="node-"]').count()).toBeGreaterThan(5);
    expect(await page.locator('.review .item').count()).toBeGreaterThanOrEqual(8);
    // Clicking evidence follows its link to the node in the diagram, without script.
    await page.locator('a[href="#node-evil"]').first().click();
    expect(await page.evaluate(() => location.hash)).toBe('#node-evil');

    expect(requests).toEqual([url]);
    expect(hits).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // The attack text is on the page as text.
    expect(await page.locator('#section-api').innerText()).toContain('<script>window.__pwned = 1</script>');
    await page.screenshot({ path: path.join(path.dirname(file), 'review.png'), fullPage: false });
  });

  it('a shared review link shows the same page over HTTP, runs nothing and fetches nothing else', async () => {
    const session = await fixture.createSession('live');
    const doc = `---\nprompt: url-shortener\n---\n\n## API\n${attacks().join('\n')}\n\n![t](${probeUrl}/shared.png)\n\n## High-level design\n\`\`\`mermaid\nflowchart LR\n  a["${attacks()[1]!.replace(/"/g, '#quot;')}"] --> b[(DB)]\n\`\`\`\n`;
    expect((await fixture.putDocument(session, doc)).status).toBe(200);
    const res = await fetch(`${fixture.server.url}/api/sessions/${session.id}/shares`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.interviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reviews: 'all' }),
    });
    const { link } = (await res.json()) as { link: string };
    const { page, dialogs } = await fixture.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(fixture.server.url + link);
    await page.locator('#diagram svg g[id^="node-"]').first().waitFor();
    expect(requests).toEqual([fixture.server.url + link]);
    expect(hits).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
