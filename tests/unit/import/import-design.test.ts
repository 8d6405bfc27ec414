import { describe, expect, it } from 'vitest';
import { ImportError, detectFormat, importDesign } from '../../../core/src/import';

const DOC = `---
prompt: url-shortener
---

## Requirements
Shorten URLs.

## High-level design
\`\`\`mermaid
flowchart LR
  client([Browser]) --> api[URL service]
  api -->|read-through| cache[(Redis cache)]
\`\`\`
`;

const MERMAID = `%% from the README
flowchart LR
  client([Browser]) --> api[URL service]
  api -->|read-through| cache[(Redis cache)]
  subgraph dc [Data centre]
    api
  end
  click api callback
`;

function failure(text: string, hint?: Parameters<typeof importDesign>[1]): ImportError {
  try {
    importDesign(text, hint);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('detectFormat', () => {
  it('uses the file extension first, then the content', () => {
    expect(detectFormat('anything', 'a.excalidraw')).toBe('excalidraw');
    expect(detectFormat('anything', 'a.mmd')).toBe('mermaid');
    expect(detectFormat('{}', 'design.md')).toBe('designdoc');
    expect(detectFormat(DOC)).toBe('designdoc');
    expect(detectFormat(MERMAID)).toBe('mermaid');
    expect(detectFormat('---\ntitle: x\n---\ngraph TD\n a --> b')).toBe('mermaid');
    expect(detectFormat('  {"type":"excalidraw"}')).toBe('excalidraw');
    expect(detectFormat('just some words')).toBeNull();
  });
});

describe('importDesign', () => {
  it('reads a design doc with its sections and diagram', () => {
    const result = importDesign(DOC, { filename: 'design.md' });
    expect(result.format).toBe('designdoc');
    expect(result.board.sections.requirements).toBe('Shorten URLs.');
    expect(result.board.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['client', 'client'],
      ['api', 'service'],
      ['cache', 'cache'],
    ]);
    expect(result.unmapped).toEqual([]);
  });

  it('reads a Mermaid flowchart alone, with groups, and warns with the line of what it skips', () => {
    const result = importDesign(MERMAID);
    expect(result.format).toBe('mermaid');
    expect(result.board.nodes.map((n) => [n.id, n.kind, n.parent ?? null])).toEqual([
      ['client', 'client', null],
      ['api', 'service', 'dc'],
      ['cache', 'cache', null],
      ['dc', 'group', null],
    ]);
    expect(result.board.edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ['client', 'api', ''],
      ['api', 'cache', 'read-through'],
    ]);
    expect(result.board.sections).toEqual({});
    expect(result.warnings).toEqual([expect.stringMatching(/^line 8: /)]);
  });

  it('accepts a Mermaid block pasted with its fences', () => {
    const result = importDesign('```mermaid\nflowchart TD\n  a[Kafka] --> b[Worker]\n```\n', { format: 'mermaid' });
    expect(result.board.nodes.map((n) => n.kind)).toEqual(['stream', 'worker']);
  });

  it('refuses what it cannot read with a code and, where there is one, the line', () => {
    expect(failure('just some words').code).toBe('UNKNOWN_FORMAT');
    const notFlow = failure('sequenceDiagram\n  A->>B: hi', { format: 'mermaid' });
    expect(notFlow.code).toBe('NO_DIAGRAM');
    expect(notFlow.message).toMatch(/^line 1: /);
    const binary = failure('---\nprompt: x\n---\n## API\nGET /a\u0000', { format: 'designdoc' });
    expect(binary.code).toBe('NOT_TEXT');
    expect(binary.line).toBe(5);
    expect(failure('---\nprompt: [\n---\n## API\n').code).toBe('BAD_FRONT_MATTER');
    expect(failure(`${DOC}${'x'.repeat(100)}`, { maxBytes: 100 }).code).toBe('TOO_LARGE');
  });

  it('never lets a hostile label become anything but text in the board', () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const result = importDesign(`flowchart LR\n  a["${hostile.replace(/"/g, '#quot;')}"] --> b`);
    expect(result.board.nodes[0]!.label).toBe(hostile);
  });
});
