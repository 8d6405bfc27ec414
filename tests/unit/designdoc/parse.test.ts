import { describe, it, expect } from 'vitest';
import { DesignDocError, parseDesignDoc } from '../../../core/src/designdoc';

const FM = '---\nprompt: rate-limiter\n---\n';

function parseError(run: () => unknown): DesignDocError {
  try {
    run();
  } catch (error) {
    if (error instanceof DesignDocError) return error;
    throw error;
  }
  throw new Error('expected a DesignDocError');
}

describe('sections', () => {
  it('concatenates several headings that map to one section, in order', () => {
    const { board } = parseDesignDoc(`${FM}\n## Functional requirements\nA\n\n## API\nGET /x\n\n## Non-functional requirements\nB\n`);
    expect(board.sections).toEqual({ requirements: 'A\n\nB', api: 'GET /x' });
  });

  it('keeps unknown headings as notes, with their name', () => {
    const { board } = parseDesignDoc(`${FM}\n## Open questions\n- who pays?\n\n## Notes\nremember TTLs\n`);
    expect(board.sections).toEqual({ notes: '### Open questions\n\n- who pays?\n\nremember TTLs' });
  });

  it('does not treat ## inside code fences as headings', () => {
    const { board } = parseDesignDoc(`${FM}\n## API\n\`\`\`http\n## not a heading\nGET /\n\`\`\`\n`);
    expect(board.sections).toEqual({ api: '```http\n## not a heading\nGET /\n```' });
  });

  it('keeps the text before and after the diagram and drops the diagram', () => {
    const doc = `${FM}\n## Architecture\nBefore.\n\n\`\`\`mermaid\nflowchart TD\n  a --> b\n\`\`\`\n\nAfter.\n`;
    const { board } = parseDesignDoc(doc);
    expect(board.sections).toEqual({ 'high-level-design': 'Before.\n\nAfter.' });
    expect(board.edges.map((e) => e.id)).toEqual(['e-a-b']);
  });

  it('takes the first flowchart as the diagram and leaves other mermaid blocks in the text', () => {
    const doc = `${FM}\n## API\n\`\`\`mermaid\nsequenceDiagram\n  A->>B: hi\n\`\`\`\n\n## Design\n\`\`\`mermaid\ngraph LR\n  x --> y\n\`\`\`\n\`\`\`mermaid\nflowchart LR\n  p --> q\n\`\`\`\n`;
    const { board } = parseDesignDoc(doc);
    expect(board.nodes.map((n) => n.id)).toEqual(['x', 'y']);
    expect(board.sections.api).toBe('```mermaid\nsequenceDiagram\n  A->>B: hi\n```');
    expect(board.sections['high-level-design']).toBe('```mermaid\nflowchart LR\n  p --> q\n```');
  });

  it('uses a leading # heading as the title when the front matter has none', () => {
    const { board } = parseDesignDoc('---\nprompt: x\n---\n# My design\n\nIntro words.\n\n## Scaling\nshard\n');
    expect(board.meta).toEqual({ prompt: 'x', title: 'My design' });
    expect(board.sections).toEqual({ notes: 'Intro words.', scaling: 'shard' });
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const { board } = parseDesignDoc('\ufeff---\r\nprompt: x\r\n---\r\n## API\r\nGET /\r\n');
    expect(board.sections).toEqual({ api: 'GET /' });
  });

  it('gives a board with no diagram and no sections for front matter alone', () => {
    const { board, warnings } = parseDesignDoc('---\n---\n');
    expect(board).toEqual({ meta: {}, nodes: [], edges: [], sections: {}, comments: [] });
    expect(warnings).toEqual([]);
  });
});

describe('warnings carry line numbers in the whole file', () => {
  it('numbers diagram lines from the top of the file', () => {
    const doc = [
      '---', // 1
      'prompt: x', // 2
      'colour: blue', // 3
      '---', // 4
      '## High-level design', // 5
      '```mermaid', // 6
      'flowchart LR', // 7
      '  a --> b', // 8
      '  not valid here', // 9
      '  %% designroom-layout: {broken', // 10
      '```', // 11
    ].join('\n');
    const { warnings, board } = parseDesignDoc(doc);
    expect(warnings).toEqual([
      { line: 3, message: 'front matter key "colour" is not used and is ignored' },
      { line: 9, message: 'unsupported flowchart statement ignored: "not valid here"' },
      { line: 10, message: 'designroom-layout comment is not valid JSON; it is ignored' },
    ]);
    expect(board.edges.length).toBe(1);
  });

  it('cuts over-long labels with a warning', () => {
    const long = 'x'.repeat(250);
    const { board, warnings } = parseDesignDoc(`${FM}## Design\n\`\`\`mermaid\nflowchart LR\n  a["${long}"]\n\`\`\`\n`);
    expect(board.nodes[0]?.label).toBe('x'.repeat(200));
    expect(warnings).toEqual([{ line: 7, message: 'label of "a" is longer than 200 characters and is cut' }]);
  });

  it('warns about an unclosed mermaid block and still reads it', () => {
    const { board, warnings } = parseDesignDoc(`${FM}## Design\n\`\`\`mermaid\nflowchart LR\n  a --> b\n`);
    expect(board.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(warnings).toEqual([{ line: 5, message: 'the mermaid block is never closed; it runs to the end of the file' }]);
  });
});

describe('errors', () => {
  it('NO_FRONT_MATTER when the file does not start with ---', () => {
    const error = parseError(() => parseDesignDoc('## API\nGET /\n'));
    expect([error.code, error.line]).toEqual(['NO_FRONT_MATTER', 1]);
    expect(error.message).toBe('line 1: the file has no YAML front matter (a "---" block with "prompt:" at the top)');
  });

  it('accepts a file without front matter when it is not required', () => {
    expect(parseDesignDoc('## API\nGET /\n', { requireFrontMatter: false }).board.sections).toEqual({ api: 'GET /' });
  });

  it('BAD_FRONT_MATTER for invalid YAML, with the line', () => {
    const error = parseError(() => parseDesignDoc('---\nprompt: x\ntitle: [unclosed\n---\n'));
    expect(error.code).toBe('BAD_FRONT_MATTER');
    expect(error.line).toBe(3);
    expect(error.message.startsWith('line 3: front matter is not valid YAML: ')).toBe(true);
  });

  it('BAD_FRONT_MATTER for an unclosed block, a list, or a non-text value', () => {
    expect(parseError(() => parseDesignDoc('---\nprompt: x\n')).code).toBe('BAD_FRONT_MATTER');
    expect(parseError(() => parseDesignDoc('---\n- a\n- b\n---\n')).code).toBe('BAD_FRONT_MATTER');
    const nested = parseError(() => parseDesignDoc('---\nprompt: x\ntitle:\n  a: 1\n---\n'));
    expect([nested.code, nested.line, nested.message]).toEqual(['BAD_FRONT_MATTER', 3, 'line 3: front matter "title" must be text']);
  });

  it('BAD_FRONT_MATTER for a prompt id that is too long', () => {
    const error = parseError(() => parseDesignDoc(`---\ntitle: t\nprompt: ${'p'.repeat(81)}\n---\n`));
    expect([error.code, error.line]).toEqual(['BAD_FRONT_MATTER', 3]);
  });

  it('reads a numeric title as text', () => {
    expect(parseDesignDoc('---\ntitle: 2024\n---\n').board.meta).toEqual({ title: '2024' });
  });

  it('TOO_LARGE above maxBytes, counting UTF-8 bytes', () => {
    const doc = `${FM}## API\n${'é'.repeat(100)}\n`;
    expect(parseDesignDoc(doc, { maxBytes: 300 }).board.sections.api?.length).toBe(100);
    const error = parseError(() => parseDesignDoc(doc, { maxBytes: 200 }));
    expect([error.code, error.message]).toEqual(['TOO_LARGE', 'the file is larger than the limit of 200 bytes']);
    expect(parseError(() => parseDesignDoc(new TextEncoder().encode(doc), { maxBytes: 200 })).code).toBe('TOO_LARGE');
  });

  it('NOT_TEXT for invalid UTF-8 bytes and for binary content', () => {
    expect(parseError(() => parseDesignDoc(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]))).code).toBe('NOT_TEXT');
    const binary = parseError(() => parseDesignDoc('---\n---\nabc\u0000def'));
    expect([binary.code, binary.line]).toEqual(['NOT_TEXT', 3]);
  });

  it('decodes valid UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode(`${FM}## API\nnaïve ✓\n`);
    expect(parseDesignDoc(bytes).board.sections.api).toBe('naïve ✓');
  });

  it('MISSING_PROMPT when requirePrompt is set and there is no prompt', () => {
    const error = parseError(() => parseDesignDoc('---\ntitle: t\n---\n', { requirePrompt: true }));
    expect([error.code, error.line]).toEqual(['MISSING_PROMPT', 1]);
    expect(parseDesignDoc(FM, { requirePrompt: true }).board.meta.prompt).toBe('rate-limiter');
  });

  it('INVALID_BOARD for a section over the board limit, naming its heading line', () => {
    const error = parseError(() => parseDesignDoc(`${FM}\n## API\n${'a'.repeat(50_001)}\n`));
    expect([error.code, error.line]).toEqual(['INVALID_BOARD', 5]);
  });

  it('is a DesignDocError with a one-line message', () => {
    const error = parseError(() => parseDesignDoc('nope'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DesignDocError');
    expect(error.message.includes('\n')).toBe(false);
  });
});
