/**
 * Editing the diagram in real Chromium against the real server, seen from a second browser:
 * moving a group with its child, connecting and labelling, aligning (and undoing it in one
 * step), reconnecting an edge's end. Every wait is for a condition, never a sleep.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, type CreatedSession } from '../support/board-client';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

/** Replaces the board with a design doc whose diagram is the given Mermaid flowchart. */
async function importDiagram(session: CreatedSession, flowchart: string): Promise<void> {
  const doc = ['---', 'prompt: url-shortener', '---', '', '## High-level design', '```mermaid', flowchart, '```', ''].join('\n');
  const response = await fx.putDocument(session, doc);
  expect(response.ok).toBe(true);
}

interface StoredNode {
  id: string;
  x: number;
  y: number;
  parent?: string;
}

/** The board as the server stores it: positions relative to the parent group. */
async function storedNodes(session: CreatedSession): Promise<Map<string, StoredNode>> {
  const response = await fetch(`${fx.server.url}/api/sessions/${session.id}/document`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.tokens.candidate}` },
  });
  const body = (await response.json()) as { nodes: StoredNode[] };
  return new Map(body.nodes.map((n) => [n.id, n]));
}

type Positions = Record<string, { x: number; y: number }>;

/** Every node's position on the board (React Flow draws each at its absolute flow position). */
const positions = (page: Page): Promise<Positions> =>
  page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform);
      if (m && el.dataset.id) out[el.dataset.id] = { x: Number(m[1]), y: Number(m[2]) };
    }
    return out;
  });

/** Waits until every listed node is at the given board position. */
const waitForPositions = (page: Page, want: Positions) =>
  page.waitForFunction((expected) => {
    for (const [id, p] of Object.entries(expected)) {
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
      if (el?.style.transform !== `translate(${p.x}px, ${p.y}px)`) return false;
    }
    return true;
  }, want);

/** Waits until a node is drawn somewhere other than `from`. */
const waitForMove = (page: Page, id: string, from: { x: number; y: number }) =>
  page.waitForFunction(
    ([nodeId, old]) => {
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${nodeId}"]`);
      return el !== null && el.style.transform !== '' && el.style.transform !== `translate(${old.x}px, ${old.y}px)`;
    },
    [id, from] as const,
  );

/** The centre of a node on screen. */
async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A drag with intermediate moves, as a hand would make it. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** A point on screen halfway along an edge's path. */
async function edgeMidpoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((edgeId) => {
    const path = document.querySelector<SVGPathElement>(`[data-testid="rf__edge-${edgeId}"] path.react-flow__edge-interaction`);
    const matrix = path?.getScreenCTM();
    if (!path || !matrix) throw new Error(`edge ${edgeId} is not on screen`);
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    return { x: p.x * matrix.a + p.y * matrix.c + matrix.e, y: p.x * matrix.b + p.y * matrix.d + matrix.f };
  }, id);
}

/** The ids of the edges on screen, each as "source>target". */
const edgeEnds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__edge [data-source]')].map((el) => `${el.getAttribute('data-source')}>${el.getAttribute('data-target')}`).sort(),
  );

/** Waits until the page shows exactly these edges, as "source>target". */
const waitForEdgeEnds = (page: Page, want: string[]) =>
  page.waitForFunction(
    (expected) =>
      JSON.stringify(
        [...document.querySelectorAll('.react-flow__edge [data-source]')].map((el) => `${el.getAttribute('data-source')}>${el.getAttribute('data-target')}`).sort(),
      ) === JSON.stringify([...expected].sort()),
    want,
  );

/** A spot of the canvas no node covers (fit-view leaves a margin round the diagram). */
const EMPTY_SPOT = { x: 40, y: 300 };

/** Clicks an empty spot of the canvas: clears the selection and gives the canvas the keyboard. */
const clickEmptyCanvas = (page: Page) => page.locator('.react-flow__pane').click({ position: EMPTY_SPOT });

describe('canvas editing e2e', () => {
  it('moving a group moves its child by the same amount, and the other browser sees both move', async () => {
    const session = await fx.createSession();
    const { page: a, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
    await importDiagram(session, 'flowchart LR\n  subgraph region [EU region]\n    api[Shortener API]\n  end\n  client[Client] --> api');
    await waitForNodeCount(a, 3);
    await waitForNodeCount(b, 3);
    const storedBefore = await storedNodes(session);
    expect(storedBefore.get('api')?.parent).toBe('region');
    const before = await positions(a);
    expect(await positions(b)).toEqual(before);

    const title = await a.locator('.react-flow__node[data-id="region"] .area-title').boundingBox();
    if (!title) throw new Error('the group is not on screen');
    const start = { x: title.x + title.width / 2, y: title.y + title.height / 2 };
    await drag(a, start, { x: start.x + 150, y: start.y + 90 });
    await waitForMove(a, 'region', before.region!);
    await waitForMove(b, 'region', before.region!);

    const after = await positions(a);
    const moved = { x: after.region!.x - before.region!.x, y: after.region!.y - before.region!.y };
    expect(moved.x).toBeGreaterThan(50);
    expect(moved.y).toBeGreaterThan(20);
    expect(after.api).toEqual({ x: before.api!.x + moved.x, y: before.api!.y + moved.y });
    expect(after.client).toEqual(before.client);
    await waitForPositions(b, after);

    // Stored: the group moved by the same amount; the child's place inside it did not change.
    const storedAfter = await storedNodes(session);
    expect(storedAfter.get('region')).toMatchObject({ x: storedBefore.get('region')!.x + moved.x, y: storedBefore.get('region')!.y + moved.y });
    expect(storedAfter.get('api')).toMatchObject({ x: storedBefore.get('api')!.x, y: storedBefore.get('api')!.y, parent: 'region' });
    expect(dialogs).toEqual([]);
  });

  it('aligns three selected nodes left, and one Ctrl+Z puts all three back', async () => {
    const session = await fx.createSession();
    const { page: a, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
    await importDiagram(session, 'flowchart TB\n  api[Shortener API] --> db[(Links DB)]\n  api --> cache[(Redis cache)]\n  lb[Load balancer] --> api');
    await waitForNodeCount(a, 4);
    await waitForNodeCount(b, 4);
    const before = await positions(a);
    // The layered layout puts the two stores side by side, so their x differ to start with.
    expect(new Set(['api', 'db', 'cache'].map((id) => before[id]!.x)).size).toBeGreaterThan(1);

    await a.locator('.react-flow__node[data-id="api"]').click();
    await a.locator('.react-flow__node[data-id="db"]').click({ modifiers: ['Shift'] });
    await a.locator('.react-flow__node[data-id="cache"]').click({ modifiers: ['Shift'] });
    await a.getByRole('button', { name: 'Align left' }).click();

    const left = Math.min(...['api', 'db', 'cache'].map((id) => before[id]!.x));
    const aligned = Object.fromEntries(['api', 'db', 'cache'].map((id) => [id, { x: left, y: before[id]!.y }]));
    await waitForPositions(a, aligned);
    await waitForPositions(b, aligned);
    // The fourth node was not selected and stays.
    expect((await positions(b)).lb).toEqual(before.lb);

    await clickEmptyCanvas(a);
    await a.keyboard.press('Control+z');
    await waitForPositions(a, before);
    await waitForPositions(b, before);
    expect(dialogs).toEqual([]);
  });

  it('connects two nodes and labels the edge; the other browser sees the label', async () => {
    const session = await fx.createSession();
    const { page: a, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
    await importDiagram(session, 'flowchart LR\n  api[Shortener API]\n  db[(Links DB)]');
    await waitForNodeCount(a, 2);
    await waitForEdgeCount(a, 0);

    const from = await a.locator('.react-flow__node[data-id="api"] .react-flow__handle-right').boundingBox();
    const to = await a.locator('.react-flow__node[data-id="db"] .react-flow__handle-left').boundingBox();
    if (!from || !to) throw new Error('handles are not on screen');
    await drag(a, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: to.x + to.width / 2, y: to.y + to.height / 2 });
    await waitForEdgeEnds(b, ['api>db']);

    const edgeId = await a.locator('.react-flow__edge').getAttribute('data-id');
    if (!edgeId) throw new Error('the new edge has no id');
    const middle = await edgeMidpoint(a, edgeId);
    await a.mouse.dblclick(middle.x, middle.y);
    await a.getByRole('textbox', { name: 'Connection label' }).fill('POST /urls');
    await a.keyboard.press('Enter');

    await b.getByTestId(`edge-${edgeId}`).filter({ hasText: 'POST /urls' }).waitFor();
    expect(await b.locator('.edge-label-text').allTextContents()).toEqual(['POST /urls']);
    expect(dialogs).toEqual([]);
  });

  it('moves an edge end to a third node; a drop on empty canvas keeps the edge; undo puts it back', async () => {
    const session = await fx.createSession();
    const { page: a, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: b } = await fx.openBoard(session.links.interviewer, 'Grace');
    await importDiagram(session, 'flowchart LR\n  api[Shortener API] --> db[(Links DB)]\n  cache[(Redis cache)]');
    await waitForEdgeEnds(a, ['api>db']);
    await waitForEdgeEnds(b, ['api>db']);
    const edgeId = await a.locator('.react-flow__edge').getAttribute('data-id');
    if (!edgeId) throw new Error('the edge has no id');

    const grip = a.getByTestId(`edge-grip-target-${edgeId}`);
    const grab = async () => {
      const middle = await edgeMidpoint(a, edgeId);
      await a.mouse.click(middle.x, middle.y);
      const box = await grip.boundingBox();
      if (!box) throw new Error('the grip is not on screen');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };

    // Dropped on empty canvas: nothing changes, and the edge is still there to grab again.
    const pane = await a.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    await drag(a, await grab(), { x: pane.x + EMPTY_SPOT.x, y: pane.y + EMPTY_SPOT.y });
    await a.locator(`[data-testid="rf__edge-${edgeId}"] path.design-edge`).waitFor();
    expect(await edgeEnds(a)).toEqual(['api>db']);

    await drag(a, await grab(), await centreOf(a, 'cache'));
    await waitForEdgeEnds(a, ['api>cache']);
    await waitForEdgeEnds(b, ['api>cache']);
    expect(await a.locator('.react-flow__edge').getAttribute('data-id')).toBe(edgeId);

    await clickEmptyCanvas(a);
    await a.keyboard.press('Control+z');
    await waitForEdgeEnds(b, ['api>db']);
    expect(dialogs).toEqual([]);
  });

  it('a dragged node snaps onto the line of a neighbour it comes within 6 units of, with a guide while dragging', async () => {
    const session = await fx.createSession();
    await importDiagram(session, 'flowchart LR\n  a[Alpha] --> b[Beta]');
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await waitForNodeCount(page, 2);
    // Grid snapping off, so only the guides can line the nodes up.
    await page.getByRole('button', { name: 'Snap to grid' }).click();
    await page.locator('[aria-label="Snap to grid"][aria-pressed="false"]').waitFor();

    const before = await storedNodes(session);
    const ids = [...before.keys()];
    const [alpha, beta] = ids.map((id) => before.get(id)!).sort((p, q) => p.x - q.x);
    const zoom = await page.evaluate(() => Number(/scale\(([-\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1]));
    // Beta's left edge to 4 units right of Alpha's, 120 units below it.
    const from = await centreOf(page, beta!.id);
    const to = { x: from.x + (alpha!.x + 4 - beta!.x) * zoom, y: from.y + (alpha!.y + 120 - beta!.y) * zoom };
    // React Flow starts a drag once the pointer has moved, and measures from there: a 2 px
    // start-up move, then the rest, lands the node where the pointer's whole path says.
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 2, from.y);
    await page.mouse.move((from.x + to.x) / 2 + 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x + 2, to.y, { steps: 5 });
    await page.getByTestId('alignment-guide').first().waitFor();
    await page.mouse.up();
    await page.getByTestId('alignment-guide').first().waitFor({ state: 'detached' });

    await eventually(async () => (await storedNodes(session)).get(beta!.id)?.y !== beta!.y, 'the drop to be stored');
    const after = (await storedNodes(session)).get(beta!.id)!;
    expect(after.x).toBe(alpha!.x);
    expect(Math.abs(after.y - (alpha!.y + 120))).toBeLessThan(2);
  });

  it("the line drawn while moving an edge's end leaves the fixed node from its border, toward the pointer", async () => {
    const session = await fx.createSession();
    await importDiagram(session, 'flowchart LR\n  a[Alpha] --> b[Beta]');
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    await waitForEdgeCount(page, 1);
    const edgeId = (await page.locator('.react-flow__edge').getAttribute('data-id'))!;
    const middle = await edgeMidpoint(page, edgeId);
    await page.mouse.click(middle.x, middle.y);
    const grip = (await page.getByTestId(`edge-grip-target-${edgeId}`).boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + 40, grip.y + 200, { steps: 8 });
    const line = page.locator('.connection-line path');
    await line.waitFor();
    const start = /^M\s*([-\d.]+)[ ,]([-\d.]+)/.exec((await line.getAttribute('d')) ?? '');
    const alpha = (await storedNodes(session)).get('a')!;
    const size = await page.locator('.react-flow__node[data-id="a"]').evaluate((el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }));
    await page.mouse.up();
    expect(start).not.toBeNull();
    const [x, y] = [Number(start![1]), Number(start![2])];
    // Below and right of Alpha, the pointer pulls the line out of Alpha's bottom or right side.
    const onBottom = Math.abs(y - (alpha.y + size.height)) < 1 && x >= alpha.x && x <= alpha.x + size.width;
    const onRight = Math.abs(x - (alpha.x + size.width)) < 1 && y >= alpha.y && y <= alpha.y + size.height;
    expect(onBottom || onRight, `line starts at (${x}, ${y}); Alpha is ${JSON.stringify({ ...alpha, ...size })}`).toBe(true);
  });
});
