/**
 * Screenshots of a real board for the docs: starts the real server, imports the strong
 * URL-shortener design into a new session, and saves the interview room as the interviewer
 * opens it at 900, 1280 and 1600 px wide, in light and dark (`room-<width>-<scheme>.png`).
 *
 *   npx tsx scripts/screenshots.ts   (needs a built client: `npx vite build`; Chromium as for e2e)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/e2e/browser';
import { startServer } from '../tests/support/server';

const OUT_DIR = path.resolve('docs/screenshots');
const DESIGN = path.resolve('tests/fixtures/designs/url-shortener-strong.md');

const WIDTHS = [900, 1280, 1600] as const;
const SCHEMES = ['light', 'dark'] as const;

interface Session {
  id: string;
  links: Record<string, string>;
  tokens: Record<string, string>;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'url-shortener', mode: 'live' }),
    });
    if (created.status !== 201) throw new Error(`creating a session failed: ${created.status} ${await created.text()}`);
    const session = (await created.json()) as Session;
    const put = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/markdown', Authorization: `Bearer ${session.tokens.candidate}` },
      body: readFileSync(DESIGN, 'utf8'),
    });
    if (!put.ok) throw new Error(`importing the design failed: ${put.status} ${await put.text()}`);

    for (const [width, scheme] of WIDTHS.flatMap((w) => SCHEMES.map((s) => [w, s] as const))) {
      const context = await browser.newContext({ viewport: { width, height: width >= 1600 ? 900 : 720 }, colorScheme: scheme, deviceScaleFactor: 1 });
      await context.addInitScript(() => localStorage.setItem('designroom:name', 'Grace'));
      const page = await context.newPage();
      await page.goto(server.url + session.links.interviewer);
      const nameInput = page.getByTestId('name-input');
      // The name dialog shows unless the stored name was picked up.
      await Promise.race([nameInput.waitFor(), page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor()]);
      if (await nameInput.isVisible()) {
        await nameInput.fill('Grace');
        await page.getByRole('dialog', { name: 'What should others call you?' }).getByRole('button', { name: 'Save' }).click();
      }
      await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0);
      await page.getByRole('button', { name: 'Fit View', exact: true }).evaluate((b) => (b as HTMLButtonElement).click());
      // Let the fit-view transition and the last measurements settle.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 600)));
      await page.mouse.move(0, 0);
      const file = path.join(OUT_DIR, `room-${width}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`saved ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
