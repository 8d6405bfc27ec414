/**
 * PNG and SVG of the canvas as the user sees it: React Flow's own nodes and edges (kind icons,
 * colours, the light or dark theme, arrowheads, edge labels), cloned from the DOM by
 * html-to-image with a transform that fits every node. The library is loaded on first use so it
 * stays out of the board's main chunk. Presence overlays (cursors, remote selections, comment
 * pins, guides) are left out: they are not part of the design.
 */
import { imageFrame, type ImageFrame, type Rect } from './image-frame';

/** Pixel density of PNG exports: sharp on high-density screens and when printed. */
export const PNG_PIXEL_RATIO = 2;

const LEFT_OUT = ['react-flow__viewport-portal', 'remote-cursor', 'comment-pin', 'react-flow__nodesselection', 'react-flow__handle'];

function keep(node: HTMLElement): boolean {
  const classes = node.classList;
  return !classes || !LEFT_OUT.some((name) => classes.contains(name));
}

/** The canvas' current background (it follows the theme), so the image matches the screen. */
function background(viewport: HTMLElement): string {
  const canvas = viewport.closest('.canvas') ?? viewport.closest('.react-flow');
  const color = canvas ? getComputedStyle(canvas).backgroundColor : '';
  return color && color !== 'rgba(0, 0, 0, 0)' ? color : '#ffffff';
}

/** The image as a Blob, with the frame it was drawn in. */
export async function renderCanvasImage(format: 'png' | 'svg', bounds: Rect): Promise<{ blob: Blob; frame: ImageFrame }> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on the page.');
  const frame = imageFrame(bounds);
  const { toBlob, toSvg } = await import('html-to-image');
  const options = {
    width: frame.width,
    height: frame.height,
    backgroundColor: background(viewport),
    filter: keep,
    skipFonts: true,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: `translate(${frame.x}px, ${frame.y}px) scale(${frame.zoom})` },
  };
  if (format === 'png') {
    // toBlob rather than toPng: the page's CSP does not let fetch() read a data: URL back.
    const blob = await toBlob(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO });
    if (!blob) throw new Error('The browser could not draw the image.');
    return { blob, frame };
  }
  const url = await toSvg(viewport, options);
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  return { blob: new Blob([svg], { type: 'image/svg+xml' }), frame };
}
