/** The frame of a PNG/SVG export: every node fitted with a margin, at 1:1 unless that would be too large. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFrame {
  /** Size of the image in CSS pixels. */
  width: number;
  height: number;
  /** The viewport transform that puts the nodes' bounds inside the frame. */
  x: number;
  y: number;
  zoom: number;
}

/** Room around the outermost nodes, for edge labels and arrowheads that stick out. */
export const IMAGE_PADDING = 40;
/** Longest side of an exported image, in CSS pixels; larger boards are scaled down to fit. */
export const MAX_IMAGE_SIDE = 4096;

export function imageFrame(bounds: Rect, padding = IMAGE_PADDING, maxSide = MAX_IMAGE_SIDE): ImageFrame {
  const fullWidth = Math.max(1, bounds.width) + 2 * padding;
  const fullHeight = Math.max(1, bounds.height) + 2 * padding;
  const zoom = Math.min(1, maxSide / Math.max(fullWidth, fullHeight));
  return {
    width: Math.ceil(fullWidth * zoom),
    height: Math.ceil(fullHeight * zoom),
    x: (padding - bounds.x) * zoom,
    y: (padding - bounds.y) * zoom,
    zoom,
  };
}
