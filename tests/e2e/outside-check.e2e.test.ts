import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, waitForNodeCount } from './fixture';

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

const fx = useBrowserFixture();

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

/** A node's flow position, read from React Flow's `translate(x, y)` transform. */
async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => {
    const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((el as HTMLElement).style.transform);
    return { x: Number(match?.[1]), y: Number(match?.[2]) };
  });
}

/** Drags node `id` by its centre by (dx, dy) in eight steps. */
async function dragFromCentre(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 8 });
  await page.mouse.up();
}

/** Waits until node `id` stands more than 20 px (on either axis) away from `from` in `page`. */
async function waitUntilMoved(page: Page, id: string, from: { x: number; y: number }): Promise<void> {
  await page.waitForFunction(
    ([nodeId, x, y]) => {
      const el = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`) as HTMLElement | null;
      const m = el && /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
      return !!m && (Math.abs(Number(m[1]) - x) > 20 || Math.abs(Number(m[2]) - y) > 20);
    },
    [id, from.x, from.y] as const,
    { timeout: 15_000 },
  );
}

describe('two browsers, one board, a server that dies', () => {
  it('imports, drags, survives SIGKILL and keeps syncing without a reload', async () => {
    const session = await fx.createSession();
    const put = await fx.putDocument(session, DESIGN);
    expect(put.status).toBe(200);

    const { page: a } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
    // Six components and the group that holds the worker.
    await waitForNodeCount(a, 7, { timeout: 20_000 });
    await waitForNodeCount(b, 7, { timeout: 20_000 });
    expect(await nodeCount(a)).toBe(7);

    // Drag the cache in page A; page B sees it move.
    const before = await nodePosition(b, 'cache');
    await dragFromCentre(a, 'cache', 60, 80);
    await waitUntilMoved(b, 'cache', before);
    const moved = await nodePosition(b, 'cache');

    // Kill the server mid-session and start it again on the same data and port.
    const server = await fx.killAndRestartServer();
    const res = await fetch(`${server.url}/api/sessions/${session.id}/document`, {
      headers: { authorization: `Bearer ${session.tokens.observer}`, accept: 'application/json' },
    });
    const board = (await res.json()) as { nodes: { id: string; x: number; y: number }[] };
    expect(board.nodes).toHaveLength(7);

    // Both pages reconnect by themselves: a drag in B now reaches A.
    await a.waitForSelector('[data-testid="connection-status"][data-status="saved"]', { timeout: 30_000 });
    await b.waitForSelector('[data-testid="connection-status"][data-status="saved"]', { timeout: 30_000 });
    const apiBefore = await nodePosition(a, 'api');
    await dragFromCentre(b, 'api', -70, 90);
    await waitUntilMoved(a, 'api', apiBefore);
    expect(await nodeCount(a)).toBe(7);
    expect(await nodeCount(b)).toBe(7);
    expect(await nodePosition(a, 'cache')).toEqual(moved);
  });
});
