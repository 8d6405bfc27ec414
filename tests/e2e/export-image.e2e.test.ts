/**
 * PNG and SVG of the canvas (issue 10): both download, both are images of the size the board's
 * nodes call for, and a label written as markup stays text in the SVG and runs nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDesignDoc, type Board } from '../../core/src';
import { IMAGE_PADDING } from '../../client/src/export/image-frame';
import { PNG_PIXEL_RATIO } from '../../client/src/export/image-export';
import { useBrowserFixture, waitForEdgeCount, waitForNodeCount } from './fixture';

const fx = useBrowserFixture();

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

const board: Board = {
  meta: { prompt: 'url-shortener', title: 'Image export' },
  nodes: [
    { id: 'client', kind: 'client', label: 'Browser', x: 0, y: 0, notes: '', props: {} },
    { id: 'api', kind: 'service', label: HOSTILE, x: 320, y: 0, notes: '', props: {} },
    { id: 'db', kind: 'database', label: 'Postgres', x: 640, y: 160, notes: '', props: {} },
  ],
  edges: [
    { id: 'e1', source: 'client', target: 'api', label: 'HTTPS', mode: 'sync' },
    { id: 'e2', source: 'api', target: 'db', label: 'SQL', mode: 'async' },
  ],
  sections: {},
  comments: [],
};

/** The nodes' bounds as React Flow lays them out (absolute position and measured size). */
const nodeBounds = (page: Page) =>
  page.evaluate(() => {
    const rects = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform)!;
      return { x: Number(m[1]), y: Number(m[2]), w: el.offsetWidth, h: el.offsetHeight };
    });
    const x = Math.min(...rects.map((r) => r.x));
    const y = Math.min(...rects.map((r) => r.y));
    return { width: Math.max(...rects.map((r) => r.x + r.w)) - x, height: Math.max(...rects.map((r) => r.y + r.h)) - y };
  });

async function download(page: Page, format: 'png' | 'svg') {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Loads image bytes in the page and returns the size the browser decoded (0×0 if it could not). */
const decodedSize = (page: Page, bytes: Buffer, type: string) =>
  page.evaluate(
    async ({ b64, type }) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type });
      const img = new Image();
      img.src = URL.createObjectURL(blob);
      await img.decode().catch(() => undefined);
      return { width: img.naturalWidth, height: img.naturalHeight };
    },
    { b64: bytes.toString('base64'), type },
  );

describe('image export', () => {
  it('downloads a PNG and an SVG of every node, at the fitted size, with markup in labels kept as text', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page, dialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    await waitForNodeCount(page, 3);
    await waitForEdgeCount(page, 2);
    const bounds = await nodeBounds(page);
    const width = Math.ceil(bounds.width + 2 * IMAGE_PADDING);
    const height = Math.ceil(bounds.height + 2 * IMAGE_PADDING);

    const png = await download(page, 'png');
    expect(png.name).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect({ width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) }).toEqual({ width: width * PNG_PIXEL_RATIO, height: height * PNG_PIXEL_RATIO });
    expect(await decodedSize(page, png.bytes, 'image/png')).toEqual({ width: width * PNG_PIXEL_RATIO, height: height * PNG_PIXEL_RATIO });

    const svg = await download(page, 'svg');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(await decodedSize(page, svg.bytes, 'image/svg+xml')).toEqual({ width, height });
    // Parsed as the XML it is: the hostile label is a text node, not elements.
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.localName,
        scripts: doc.getElementsByTagNameNS('*', 'script').length,
        images: doc.getElementsByTagNameNS('*', 'img').length + doc.getElementsByTagNameNS('*', 'image').length,
        handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
        hasLabel: doc.documentElement.textContent?.includes('</script><script>alert(1)</script><img src=x onerror=alert(2)>') ?? false,
        labels: ['Browser', 'Postgres', 'HTTPS', 'SQL'].filter((t) => doc.documentElement.textContent?.includes(t)),
        arrowheads: doc.getElementsByTagNameNS('*', 'marker').length,
        // An image has no stylesheet: an edge is drawn only if its stroke is inlined.
        strokedEdges: [...doc.querySelectorAll('path.react-flow__edge-path')].filter((p) => {
          const stroke = (p as SVGElement).style.stroke;
          return stroke !== '' && stroke !== 'none';
        }).length,
      };
    }, text);
    expect(parsed).toEqual({ error: false, root: 'svg', scripts: 0, images: 0, handlers: 0, hasLabel: true, labels: ['Browser', 'Postgres', 'HTTPS', 'SQL'], arrowheads: parsed.arrowheads, strokedEdges: 2 });
    expect(parsed.arrowheads).toBeGreaterThan(0);

    // Opened on its own as a document, the SVG runs nothing either.
    const { page: viewer, dialogs: viewerDialogs } = await fx.newPage();
    await viewer.setContent(`<!doctype html><body>${text.replace(/^<\?xml[^>]*>/, '')}</body>`);
    await viewer.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(viewerDialogs).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('draws the dark theme when the board is dark', async () => {
    const session = await fx.createSession();
    expect((await fx.putDocument(session, formatDesignDoc(board))).status).toBe(200);
    const { page } = await fx.openBoard(session.links.candidate, 'Ada', { colorScheme: 'dark' });
    await waitForNodeCount(page, 3);
    const png = await download(page, 'png');
    // The top-left pixel is background: dark means every channel well below the middle.
    const corner = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return [...ctx.getImageData(2, 2, 1, 1).data];
    }, png.bytes.toString('base64'));
    expect(Math.max(corner[0]!, corner[1]!, corner[2]!)).toBeLessThan(64);
  });
});
