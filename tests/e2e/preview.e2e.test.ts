import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';
import { launchBrowser } from './browser';

/** The sections' Markdown preview: formatting shows, and typed HTML never becomes markup. */
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('section preview', () => {
  it('renders Markdown as formatting and HTML as text, for the other participant too', async () => {
    const session = await createSession(server.url);
    const dialogs: string[] = [];
    const open = async (role: 'candidate' | 'interviewer') => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${server.url}${session.links[role]}`);
      await page.waitForSelector('[data-testid="connection-status"][data-status="saved"]');
      return page;
    };
    const writer = await open('candidate');
    const reader = await open('interviewer');

    await writer.locator('[data-testid="section-requirements"]').fill('## Scope\n- **redirects** under 50 ms\n<img src=x onerror=alert(1)>');
    await reader.locator('[data-testid="section-preview-toggle"]').click();
    const preview = reader.locator('[data-testid="section-preview-requirements"]');
    await preview.locator('h2', { hasText: 'Scope' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('redirects');
    expect(await reader.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // Back to writing: the text is intact and still editable.
    await reader.getByRole('button', { name: 'Write' }).click();
    expect(await reader.locator('[data-testid="section-requirements"]').inputValue()).toContain('<img src=x onerror=alert(1)>');
  });
});
