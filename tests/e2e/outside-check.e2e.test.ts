import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../support/board-client';
import { startServer, type RunningServer } from '../support/server';

/**
 * The acceptance scenario of the foundation, end to end: a design doc PUT over HTTP shows up
 * in two browser pages, a drag in one moves the node in the other, and after the server is
 * killed with SIGKILL and restarted on the same data both pages sync again without a reload.
 */
const DESIGN = `---
prompt: url-shortener
title: Acceptance
---

## Requirements
Shorten links; redirect fast.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> lb[Load balancer]
  lb --> api[URL service]
  api -->|read-through| cache[(Redis cache)]
  api --> db[(Cassandra)]
  subgraph region [EU region]
    worker[Cleanup worker]
  end
  worker -.-> db
\`\`\`
`;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => {
    const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((el as HTMLElement).style.transform);
    return { x: Number(match?.[1]), y: Number(match?.[2]) };
  });
}

async function waitForNodes(page: Page, count: number) {
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, count, { timeout: 20_000 });
}

describe('two browsers, one board, a server that dies', () => {
  it('imports, drags, survives SIGKILL and keeps syncing without a reload', async () => {
    const session = await createSession(server.url);
    const put = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${session.tokens.candidate}`, 'content-type': 'text/markdown' },
      body: DESIGN,
    });
    expect(put.status).toBe(200);

    const pages: Page[] = [];
    for (const role of ['candidate', 'interviewer'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${session.links[role]}`);
      pages.push(page);
    }
    const [a, b] = pages as [Page, Page];
    // Six components and the group that holds the worker.
    await waitForNodes(a, 7);
    await waitForNodes(b, 7);
    expect(await nodeCount(a)).toBe(7);

    // Drag the cache in page A; page B sees it move.
    const before = await nodePosition(b, 'cache');
    const box = (await a.locator('.react-flow__node[data-id="cache"]').boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.mouse.down();
    await a.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 80, { steps: 8 });
    await a.mouse.up();
    await b.waitForFunction(
      ([x, y]) => {
        const el = document.querySelector('.react-flow__node[data-id="cache"]') as HTMLElement | null;
        const m = el && /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
        return !!m && (Math.abs(Number(m[1]) - x!) > 20 || Math.abs(Number(m[2]) - y!) > 20);
      },
      [before.x, before.y],
      { timeout: 15_000 },
    );
    const moved = await nodePosition(b, 'cache');

    // Kill the server mid-session and start it again on the same data and port.
    await server.kill();
    server = await server.restart();
    const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
      headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
    });
    const board = (await res.json()) as { nodes: { id: string; x: number; y: number }[] };
    expect(board.nodes).toHaveLength(7);

    // Both pages reconnect by themselves: a drag in B now reaches A.
    await a.waitForSelector('[data-testid="connection-status"][data-status="saved"]', { timeout: 30_000 });
    await b.waitForSelector('[data-testid="connection-status"][data-status="saved"]', { timeout: 30_000 });
    const apiBefore = await nodePosition(a, 'api');
    const apiBox = (await b.locator('.react-flow__node[data-id="api"]').boundingBox())!;
    await b.mouse.move(apiBox.x + apiBox.width / 2, apiBox.y + apiBox.height / 2);
    await b.mouse.down();
    await b.mouse.move(apiBox.x + apiBox.width / 2 - 70, apiBox.y + apiBox.height / 2 + 90, { steps: 8 });
    await b.mouse.up();
    await a.waitForFunction(
      ([x, y]) => {
        const el = document.querySelector('.react-flow__node[data-id="api"]') as HTMLElement | null;
        const m = el && /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
        return !!m && (Math.abs(Number(m[1]) - x!) > 20 || Math.abs(Number(m[2]) - y!) > 20);
      },
      [apiBefore.x, apiBefore.y],
      { timeout: 15_000 },
    );
    expect(await nodeCount(a)).toBe(7);
    expect(await nodeCount(b)).toBe(7);
    expect(await nodePosition(a, 'cache')).toEqual(moved);
  });
});
