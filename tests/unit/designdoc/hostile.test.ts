import { describe, it, expect } from 'vitest';
import { DesignDocError, formatDesignDoc, parseDesignDoc } from '../../../core/src/designdoc';
import type { Board, BoardNode } from '../../../core/src/board/schema';

const N = 200_000;
const FM = '---\nprompt: x\n---\n';
const diagram = (body: string): string => `${FM}## Design\n\`\`\`mermaid\nflowchart LR\n${body}\n\`\`\`\n`;

/*
 * Long runs that make a backtracking regex quadratic: at 200k characters a quadratic pattern
 * takes minutes and hits the test timeout, a linear one takes milliseconds.
 */
describe('hostile input stays linear', () => {
  it.each([
    ['a run of dashes in a text link', diagram(`  a -- ${'-x'.repeat(N / 2)}`)],
    ['a run of dots in a dotted text link', diagram(`  a -. ${'.'.repeat(N)}`)],
    ['a run of equals in a thick text link', diagram(`  a == ${'='.repeat(N)}x`)],
    ['spaces in a subgraph title', diagram(`  subgraph g [${' '.repeat(N)}x`)],
    ['spaces after the flowchart keyword', `${FM}\`\`\`mermaid\nflowchart${' '.repeat(N)}x\n\`\`\`\n`],
    ['an unclosed quote', diagram(`  a["${'x'.repeat(N)}`)],
  ])('%s', (_name, text) => {
    expect(() => parseDesignDoc(text)).not.toThrow();
  });

  it.each([
    ['spaces in a heading', `${FM}## a${' '.repeat(N)}b\n`],
    ['hashes in a heading', `${FM}## a${'#'.repeat(N)}b\n`],
  ])('%s (refused: the unknown heading makes notes longer than a section may be)', (_name, text) => {
    expect(() => parseDesignDoc(text)).toThrow('section "notes" has 200006 characters; the limit is 50000');
  });

  it('reads a long label, cut to the limit with a warning', () => {
    const { board, warnings } = parseDesignDoc(diagram(`  a[${'y'.repeat(N)}]`));
    expect(board.nodes[0]?.label.length).toBe(200);
    expect(warnings.length).toBe(1);
  });
});

describe('board limits', () => {
  function bigBoard(nodes: number, edges: number): Board {
    const list: BoardNode[] = Array.from({ length: nodes }, (_, i) => ({
      id: `n${i}`,
      kind: i % 50 === 0 ? 'group' : 'service',
      label: `Service ${i}`,
      x: i,
      y: -i,
      notes: '',
      props: {},
      ...(i % 50 === 0 || i < 50 ? {} : { parent: `n${i - (i % 50)}` }),
    }));
    return {
      meta: { prompt: 'big' },
      nodes: list,
      edges: Array.from({ length: edges }, (_, i) => ({
        id: `e${i}`,
        source: `n${i % nodes}`,
        target: `n${(i * 7 + 3) % nodes}`,
        label: i % 3 === 0 ? `call ${i}` : '',
        mode: i % 4 === 0 ? 'async' : 'sync',
      })),
      sections: {},
      comments: [],
    };
  }

  it('round-trips a board at the node and edge limits', () => {
    const board = bigBoard(2000, 4000);
    const { board: back, warnings } = parseDesignDoc(formatDesignDoc(board));
    expect(warnings).toEqual([]);
    expect(back.nodes.length).toBe(2000);
    expect(back.edges).toEqual(board.edges);
  });

  it('lays out a large board without stored positions', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `  s${i % 2000} --> s${(i * 13 + 1) % 2000}`);
    const { board } = parseDesignDoc(diagram(lines.join('\n')));
    expect(board.nodes.length).toBe(2000);
    expect(new Set(board.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(2000);
  });

  it('refuses more nodes than the board allows', () => {
    const lines = Array.from({ length: 2001 }, (_, i) => `  n${i}`);
    try {
      parseDesignDoc(diagram(lines.join('\n')));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DesignDocError);
      expect((error as DesignDocError).code).toBe('TOO_LARGE');
      expect((error as DesignDocError).message).toBe('the diagram has 2001 nodes; the limit is 2000');
    }
  });
});
