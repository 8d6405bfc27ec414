import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, importDesign } from '../../../core/src/import';
import { boardSchema } from '../../../core/src/board/schema';
import { formatDesignDoc, parseDesignDoc } from '../../../core/src/designdoc';

const drawing = readFileSync(new URL('../../fixtures/import/hand-drawn.excalidraw', import.meta.url), 'utf8');

describe('Excalidraw import of a hand-drawn file', () => {
  const result = importDesign(drawing, { filename: 'practice.excalidraw' });
  const byLabel = (label: string) => result.board.nodes.find((n) => n.label === label);

  it('reads the format from the extension and the content alike', () => {
    expect(result.format).toBe('excalidraw');
    expect(importDesign(drawing).format).toBe('excalidraw');
  });

  it('turns shapes with text into nodes whose kind is guessed from the text', () => {
    const nodes = result.board.nodes.map((n) => [n.id, n.kind, n.label]);
    expect(nodes).toEqual([
      ['backend', 'group', 'Backend'],
      ['browser', 'client', 'Browser'],
      ['load-balancer', 'load-balancer', 'Load balancer'],
      ['redis-cache', 'cache', 'Redis cache'],
      ['orders-db', 'database', 'Orders DB'],
      ['remember-shard-by-user-id', 'note', 'Remember: shard by user id'],
    ]);
  });

  it('turns frames into groups holding their shapes, children placed relative to the frame', () => {
    const group = byLabel('Backend')!;
    // The drawing's top-left (the note at x -200, the frame at y -50) becomes 0,0.
    expect(group).toMatchObject({ x: 500, y: 0, width: 520, height: 320 });
    expect(byLabel('Browser')).toMatchObject({ x: 200, y: 50 });
    expect(byLabel('Load balancer')).toMatchObject({ parent: 'backend', x: 50, y: 50 });
    expect(byLabel('Orders DB')).toMatchObject({ parent: 'backend', x: 320, y: 200 });
    expect(byLabel('Browser')!.parent).toBeUndefined();
  });

  it('turns arrows bound at both ends into edges with their text as label; dashed ones are async', () => {
    const edges = result.board.edges.map((e) => [e.source, e.target, e.label, e.mode]);
    expect(edges).toEqual([
      ['browser', 'load-balancer', 'HTTPS', 'sync'],
      ['load-balancer', 'redis-cache', '', 'async'],
      ['load-balancer', 'orders-db', 'writes', 'sync'],
    ]);
  });

  it('lists everything it could not map, and ignores deleted elements', () => {
    expect(result.unmapped).toHaveLength(6);
    expect(result.unmapped.join('\n')).toMatch(/arrow a-loose "to analytics": its end is not attached/);
    expect(result.unmapped.join('\n')).toMatch(/rectangle empty-box: a shape without text/);
    expect(result.unmapped.join('\n')).toMatch(/line line-1/);
    expect(result.unmapped.join('\n')).toMatch(/freedraw scribble/);
    expect(result.unmapped.join('\n')).toMatch(/image logo/);
    expect(result.unmapped.join('\n')).toMatch(/1 embedded file/);
    expect(JSON.stringify(result)).not.toMatch(/Ghost/);
  });

  it('gives a board the schema accepts and that survives a design-doc round trip', () => {
    expect(boardSchema.safeParse(result.board).success).toBe(true);
    const back = parseDesignDoc(formatDesignDoc(result.board)).board;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...back.nodes].sort(byId)).toEqual([...result.board.nodes].sort(byId));
    expect(back.edges).toEqual(result.board.edges);
  });
});

describe('Excalidraw bad input', () => {
  const code = (text: string): string => {
    try {
      importDesign(text, { format: 'excalidraw' });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return `${(error as ImportError).code}: ${(error as Error).message}`;
    }
    return 'accepted';
  };

  it('names broken JSON, a foreign JSON and a bad element', () => {
    expect(code('{"type": "excalidraw", "elements": [')).toMatch(/^BAD_EXCALIDRAW: the file is not valid JSON/);
    expect(code('{"nodes": []}')).toMatch(/^BAD_EXCALIDRAW: not an Excalidraw drawing: type/);
    expect(code('{"type":"excalidraw","elements":[{"id":"a","type":"rectangle","x":"left","y":0}]}')).toMatch(
      /^BAD_EXCALIDRAW: not an Excalidraw drawing: elements\.0\.x/,
    );
  });

  it('refuses a file over the size limit and one that makes more nodes than a board holds', () => {
    const big = JSON.stringify({ type: 'excalidraw', elements: [], pad: 'x'.repeat(10 * 1024 * 1024) });
    expect(code(big)).toMatch(/^TOO_LARGE/);
    const many = Array.from({ length: 2001 }, (_, i) => [
      { id: `r${i}`, type: 'rectangle', x: i, y: 0, width: 10, height: 10 },
      { id: `t${i}`, type: 'text', x: i, y: 0, width: 10, height: 10, text: `S${i}`, containerId: `r${i}` },
    ]).flat();
    expect(code(JSON.stringify({ type: 'excalidraw', elements: many }))).toMatch(/^TOO_LARGE: the drawing makes 2001 nodes/);
  });

  it('cuts an overlong label with a warning instead of refusing the drawing', () => {
    const long = 'Service '.repeat(40);
    const result = importDesign(
      JSON.stringify({
        type: 'excalidraw',
        elements: [
          { id: 'r', type: 'rectangle', x: 0, y: 0, width: 10, height: 10 },
          { id: 't', type: 'text', x: 0, y: 0, width: 10, height: 10, text: long, containerId: 'r' },
        ],
      }),
    );
    expect(result.board.nodes[0]!.label).toHaveLength(200);
    expect(result.warnings).toEqual([expect.stringMatching(/rectangle r: its text is longer than 200 characters/)]);
  });
});
