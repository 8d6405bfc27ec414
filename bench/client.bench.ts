/**
 * The board page in headless Chromium with a 300-node, 400-edge board: time to first render
 * (navigation until all nodes are painted), time until 100 remote updates are all painted,
 * frame times while zooming, panning and dragging a node on it, and the gzipped size of the
 * JavaScript and CSS the board page loads.
 * Needs the built client (`npm run build`). Prints figures; never passes or fails.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { patchNode, putEdge, putNode, NODE_KINDS } from '../core/src';
import { launchBrowser } from '../tests/e2e/browser';
import { connectClient, createSession } from '../tests/support/board-client';
import { startServer } from '../tests/support/server';

const NODES = 300;
const EDGES = 400;

function bundleSizes(): string {
  const dir = 'dist/client/assets';
  // The board page loads the entry, the board chunk and the interview chunk, with their CSS;
  // elk (auto-layout), the Markdown preview and the summary page load only when used.
  const files = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && !/^(elk|SummaryPage|SectionPreview)/.test(f));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return `board page JS + CSS: ${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzipped (${files.length} files)`;
}

/**
 * Resolves once the page has painted a frame. A condition seen by `waitForFunction` can hold
 * before the browser lays out and paints what it sees, and whether it does depends on when in
 * a frame the app changes the DOM; a painted frame does not.
 */
/**
 * Starts recording the time between animation frames in the page. A string, not a function:
 * tsx (esbuild keepNames) would wrap the inner function in a helper the page does not have.
 */
const startFrames = (page: Page) =>
  page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);

/** Stops recording and summarises the frame times: median, 95th percentile, worst, and frames over 50 ms. */
async function stopFrames(page: Page): Promise<string> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const long = frames.filter((f) => f > 50).length;
  return `${frames.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(1)} ms, ${long} over 50 ms`;
}

const painted = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

export async function runClientBench(): Promise<string> {
  const lines = [bundleSizes()];
  const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  const browser = await launchBrowser();
  try {
    const session = await createSession(server.url);
    const author = connectClient(server.url, session.id, session.tokens.interviewer);
    await author.until((s) => s.status === 'saved', 'synced');
    author.doc.transact(() => {
      for (let i = 0; i < NODES; i++) {
        putNode(author.doc, { id: `n${i}`, kind: NODE_KINDS[i % 16]!, label: `Component ${i}`, x: (i % 20) * 220, y: Math.floor(i / 20) * 120, notes: '', props: {} });
      }
      for (let i = 0; i < EDGES; i++) {
        putEdge(author.doc, { id: `e${i}`, source: `n${i % NODES}`, target: `n${(i * 7 + 1) % NODES}`, label: i % 5 === 0 ? 'calls' : '', mode: i % 3 === 0 ? 'async' : 'sync' });
      }
    });
    await author.until((s) => s.status === 'saved', 'board stored');

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const t0 = performance.now();
    await page.goto(`${server.url}${session.links.candidate}`);
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, NODES, { timeout: 60_000 });
    await painted(page);
    lines.push(`first render of ${NODES} nodes / ${EDGES} edges: ${(performance.now() - t0).toFixed(0)} ms (navigation to all nodes painted)`);
    await page.waitForSelector('[data-testid="connection-status"][data-status="saved"]');

    // Pan and zoom with the wheel over the canvas, then drag one node across it, recording frames.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await startFrames(page);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(i < 10 ? 80 : -80, 0);
    await painted(page);
    lines.push(`wheel zoom and pan (40 wheel events): ${await stopFrames(page)}`);
    const node = (await page.locator('.react-flow__node[data-id="n42"]').boundingBox())!;
    await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2);
    await startFrames(page);
    await page.mouse.down();
    await page.mouse.move(node.x + node.width / 2 + 300, node.y + node.height / 2 + 150, { steps: 60 });
    await page.mouse.up();
    await painted(page);
    lines.push(`dragging one node (60 pointer moves): ${await stopFrames(page)}`);

    // 100 remote edits, each its own update, as another participant dragging things around.
    const t1 = performance.now();
    for (let i = 0; i < 100; i++) author.doc.transact(() => patchNode(author.doc, `n${i}`, { label: `Moved ${i}` }));
    await page.waitForFunction(() => document.body.innerText.includes('Moved 99') && document.body.innerText.includes('Moved 0'), undefined, { timeout: 60_000 });
    await painted(page);
    lines.push(`100 remote updates applied and painted: ${(performance.now() - t1).toFixed(0)} ms`);
    author.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runClientBench());
}
