/**
 * One set-up for every browser test: a real server on a real port, Debian's Chromium, and a
 * fresh browser profile per participant. `useBrowserFixture()` registers the vitest hooks;
 * everything it opens is closed after the file's tests.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createSession, type CreatedSession } from '../support/board-client';
import { startServer, type RunningServer, type StartOptions } from '../support/server';
import { launchBrowser } from './browser';

export interface OpenedPage {
  page: Page;
  /** Messages of every alert/confirm/prompt the page raised (each dismissed): must stay empty. */
  dialogs: string[];
}

export interface BrowserFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Creates a session through the HTTP API, as the home page does. */
  createSession(mode?: 'live' | 'solo', prompt?: string): Promise<CreatedSession>;
  /** PUTs a Markdown design doc over the session's board as the candidate; the caller checks the response. */
  putDocument(session: CreatedSession, markdown: string): Promise<Response>;
  /** A blank page in its own browser profile (its own sessionStorage and cookies). */
  newPage(options?: BrowserContextOptions): Promise<OpenedPage>;
  /** Opens a board link, answers the name question and waits until the board says saved. */
  openBoard(link: string, name: string, options?: BrowserContextOptions): Promise<OpenedPage>;
  /**
   * SIGKILLs the server and starts it again on the same port and data directory. From then on
   * `server` is the new process (its `url` is unchanged) and it is the one stopped after the tests.
   */
  killAndRestartServer(): Promise<RunningServer>;
}

export function useBrowserFixture(serverOptions: StartOptions = {}): BrowserFixture {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(serverOptions);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: call the fixture inside a test`);
    return value;
  };

  const fixture: BrowserFixture = {
    get server() {
      return need(server, 'the server');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    createSession: (mode = 'live', prompt = 'url-shortener') => createSession(fixture.server.url, prompt, mode),
    putDocument: (session, markdown) =>
      fetch(`${fixture.server.url}/api/sessions/${session.id}/document`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'text/markdown' },
        body: markdown,
      }),
    async newPage(options = {}) {
      const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return { page, dialogs };
    },
    async openBoard(link, name, options = {}) {
      const opened = await fixture.newPage(options);
      const { page } = opened;
      await page.goto(fixture.server.url + link);
      await page.getByTestId('name-input').fill(name);
      await page.getByRole('dialog', { name: 'What should others call you?' }).getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
      return opened;
    },
    async killAndRestartServer() {
      const dead = fixture.server;
      await dead.kill();
      server = await dead.restart();
      return server;
    },
  };
  return fixture;
}

/** Waits until the page shows exactly `count` nodes (within Playwright's default timeout unless given one). */
export const waitForNodeCount = (page: Page, count: number, options: { timeout?: number } = {}) =>
  page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, count, options);

/** Waits until the page shows exactly `count` edges (within Playwright's default timeout unless given one). */
export const waitForEdgeCount = (page: Page, count: number, options: { timeout?: number } = {}) =>
  page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length === n, count, options);
