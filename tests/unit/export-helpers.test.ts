import { describe, expect, it } from 'vitest';
import { dispositionFilename, exportFilename } from '../../client/src/export/download';
import { imageFrame, IMAGE_PADDING, MAX_IMAGE_SIDE } from '../../client/src/export/image-frame';
import { looksImportable, MAX_IMPORT_BYTES } from '../../client/src/import/import-request';
import { EXCALIDRAW_MAX_BYTES, IMPORT_MAX_BYTES } from '../../core/src/import';

describe('export file names', () => {
  const day = new Date('2026-12-01T23:00:00Z');

  it('slugs the title and adds the date and the extension', () => {
    expect(exportFilename('URL shortener, first try', 'md', day)).toBe('url-shortener-first-try-2026-12-01.md');
    expect(exportFilename('Café à Paris', 'png', day)).toBe('cafe-a-paris-2026-12-01.png');
  });

  it('falls back to "design" when the title has no usable character', () => {
    expect(exportFilename('</script>', 'svg', day)).toBe('script-2026-12-01.svg');
    expect(exportFilename('日本語', 'html', day)).toBe('design-2026-12-01.html');
  });

  it('reads a Content-Disposition file name and refuses paths and hidden files', () => {
    expect(dispositionFilename('attachment; filename="review.md"')).toBe('review.md');
    expect(dispositionFilename("attachment; filename*=UTF-8''r%C3%A9view.html")).toBe('réview.html');
    expect(dispositionFilename('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(dispositionFilename('attachment; filename=".bashrc"')).toBeNull();
    expect(dispositionFilename(null)).toBeNull();
  });
});

describe('image frame', () => {
  it('keeps 1:1 and pads every side for a small board', () => {
    const frame = imageFrame({ x: 100, y: -50, width: 400, height: 200 });
    expect(frame).toEqual({ width: 400 + 2 * IMAGE_PADDING, height: 200 + 2 * IMAGE_PADDING, x: IMAGE_PADDING - 100, y: IMAGE_PADDING + 50, zoom: 1 });
  });

  it('scales a huge board down so its longer side fits', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 20_000, height: 1000 });
    expect(frame.width).toBe(MAX_IMAGE_SIDE);
    expect(frame.zoom).toBeCloseTo(MAX_IMAGE_SIDE / (20_000 + 2 * IMAGE_PADDING));
    expect(frame.height).toBe(Math.ceil((1000 + 2 * IMAGE_PADDING) * frame.zoom));
  });
});

describe('what a paste offers to import', () => {
  it('reads any file the parser may accept, and no larger', () => {
    expect(MAX_IMPORT_BYTES).toBe(Math.max(EXCALIDRAW_MAX_BYTES, IMPORT_MAX_BYTES));
  });

  it('recognises a design doc, a Mermaid flowchart and an Excalidraw scene', () => {
    expect(looksImportable('---\nprompt: url-shortener\n---\n## API\n')).toBe(true);
    expect(looksImportable('flowchart LR\n a --> b')).toBe(true);
    expect(looksImportable('  graph TD\n a --> b')).toBe(true);
    expect(looksImportable('{"type": "excalidraw", "version": 2, "elements": []}')).toBe(true);
    expect(looksImportable('{"type":"excalidraw/clipboard","elements":[]}')).toBe(true);
  });

  it('leaves ordinary text and other JSON alone', () => {
    expect(looksImportable('hello world')).toBe(false);
    expect(looksImportable('{"type": "designroom/nodes@1"}')).toBe(false);
    expect(looksImportable('graphite is soft')).toBe(false);
  });
});
