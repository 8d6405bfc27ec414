import { z } from 'zod';

/**
 * The parts of an Excalidraw scene (`.excalidraw` file, or what Excalidraw puts on the clipboard)
 * that the importer reads. Objects stay loose: Excalidraw adds fields between versions, and a
 * field we do not read must not make a valid drawing fail.
 */

/** More elements than any hand-drawn design; a bound on the work one import can cause. */
export const MAX_EXCALIDRAW_ELEMENTS = 20_000;

const finite = z.number().finite();
const binding = z.looseObject({ elementId: z.string().max(200) }).nullable().optional();

export const excalidrawElementSchema = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(40),
  x: finite,
  y: finite,
  width: finite.default(0),
  height: finite.default(0),
  isDeleted: z.boolean().optional(),
  text: z.string().max(100_000).optional(),
  originalText: z.string().max(100_000).optional(),
  containerId: z.string().max(200).nullable().optional(),
  frameId: z.string().max(200).nullable().optional(),
  name: z.string().max(1000).nullable().optional(),
  strokeStyle: z.string().max(20).optional(),
  startBinding: binding,
  endBinding: binding,
});
export type ExcalidrawElement = z.infer<typeof excalidrawElementSchema>;

export const excalidrawFileSchema = z.looseObject({
  type: z.enum(['excalidraw', 'excalidraw/clipboard']),
  version: z.number().optional(),
  elements: z.array(excalidrawElementSchema).max(MAX_EXCALIDRAW_ELEMENTS),
  files: z.record(z.string(), z.unknown()).optional(),
});
export type ExcalidrawFile = z.infer<typeof excalidrawFileSchema>;
