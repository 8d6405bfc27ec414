import { describe, it, expect } from 'vitest';
import { formatDesignDoc, parseDesignDoc } from '../../../core/src/designdoc';
import type { Board, BoardNode } from '../../../core/src/board/schema';

function node(id: string, kind: BoardNode['kind'], label: string, extra: Partial<BoardNode> = {}): BoardNode {
  return { id, kind, label, x: 0, y: 0, notes: '', props: {}, ...extra };
}

const BOARD: Board = {
  meta: { prompt: 'url-shortener', title: 'Shortener: "v2"' },
  nodes: [
    node('client', 'client', 'Browser', { x: 0, y: 40 }),
    node('dc', 'group', 'Data center', { x: 200, y: 0, width: 400, height: 300 }),
    node('api', 'service', 'URL service', { x: 30, y: 40, parent: 'dc', notes: 'stateless', props: { lang: 'go' } }),
    node('db', 'database', 'Cassandra <img src=x onerror=alert(1)>', { x: 230, y: 40, parent: 'dc' }),
    node('q', 'queue', 'Jobs | "urgent"', { x: 700, y: 40 }),
  ],
  edges: [
    { id: 'e-client-api', source: 'client', target: 'api', label: '', mode: 'sync' },
    { id: 'e-api-db', source: 'api', target: 'db', label: 'read-through', mode: 'sync' },
    { id: 'publish', source: 'api', target: 'q', label: 'enqueue [async]', mode: 'async' },
  ],
  sections: { requirements: '- shorten\n- redirect', 'high-level-design': 'Cache in front of the DB.', notes: 'to do' },
  comments: [],
};

const EXPECTED = `---
prompt: url-shortener
title: 'Shortener: "v2"'
---

## Requirements

- shorten
- redirect

## Estimation

## API

## Data model

## High-level design

\`\`\`mermaid
flowchart LR
  client([Browser]):::client
  subgraph dc [Data center]
    api[URL service]:::service
    db[("Cassandra #lt;img src=x onerror=alert(1)#gt;")]:::database
  end
  q[/"Jobs #124; #quot;urgent#quot;"/]:::queue
  client --> api
  api -->|read-through| db
  api -.->|"enqueue [async]"| q
  %% designroom-layout: {"client":[0,40],"dc":[200,0,400,300],"api":[30,40],"db":[230,40],"q":[700,40]}
  %% designroom-edge-ids: {"api>q":"publish"}
  %% designroom-node: {"id":"api","notes":"stateless","props":{"lang":"go"}}
\`\`\`

Cache in front of the DB.

## Scaling

## Reliability

## Trade-offs

## Notes

to do
`;

describe('formatDesignDoc', () => {
  it('writes front matter, sections in order, and the diagram first in High-level design', () => {
    expect(formatDesignDoc(BOARD)).toBe(EXPECTED);
  });

  it('never writes raw markup from a label', () => {
    expect(formatDesignDoc(BOARD).includes('<img')).toBe(false);
  });

  it('gives back the same board', () => {
    const { board, warnings } = parseDesignDoc(EXPECTED);
    expect(warnings).toEqual([]);
    expect(board).toEqual(BOARD);
  });

  it('writes a non-group node with children as a subgraph and keeps its kind with `class`', () => {
    const board: Board = {
      meta: {},
      nodes: [node('svc', 'service', 'Order service'), node('inner', 'worker', 'Worker', { parent: 'svc' })],
      edges: [],
      sections: {},
      comments: [],
    };
    const text = formatDesignDoc(board);
    expect(text).toContain('  subgraph svc [Order service]\n    inner(Worker):::worker\n  end\n  class svc service\n');
    expect(parseDesignDoc(text).board).toEqual(board);
  });

  it('maps ids Mermaid cannot carry to aliases and back', () => {
    const board: Board = {
      meta: {},
      nodes: [node('end', 'service', 'End'), node('a--b', 'cache', 'AB'), node('-x', 'queue', 'X'), node('a__b', 'other', 'taken')],
      edges: [{ id: 'e-end-a--b', source: 'end', target: 'a--b', label: '', mode: 'sync' }],
      sections: {},
      comments: [],
    };
    const text = formatDesignDoc(board);
    expect(text).toContain('  n_end[End]:::service\n  a__b_2[(AB)]:::cache\n  _x[/X/]:::queue\n  a__b[taken]:::other\n  n_end --> a__b_2\n');
    expect(text).toContain('  %% designroom-ids: {"n_end":"end","a__b_2":"a--b","_x":"-x"}\n');
    expect(parseDesignDoc(text).board).toEqual(board);
  });

  it('writes an empty diagram block for an empty board and omits empty notes', () => {
    const text = formatDesignDoc({ meta: {}, nodes: [], edges: [], sections: {}, comments: [] });
    expect(text).toBe(
      '---\n---\n\n## Requirements\n\n## Estimation\n\n## API\n\n## Data model\n\n## High-level design\n\n' +
        '```mermaid\nflowchart LR\n  %% designroom-layout: {}\n```\n\n## Scaling\n\n## Reliability\n\n## Trade-offs\n',
    );
  });

  it('escapes section lines that would start a new section, and restores them', () => {
    const board: Board = {
      meta: {},
      nodes: [],
      edges: [],
      sections: { api: '## not a heading\n\\## already escaped\n```\n## in code\n```' },
      comments: [],
    };
    const text = formatDesignDoc(board);
    expect(text).toContain('## API\n\n\\## not a heading\n\\\\## already escaped\n```\n## in code\n```\n');
    expect(parseDesignDoc(text).board.sections).toEqual(board.sections);
  });

  it('closes a code fence left open so it cannot swallow the next section', () => {
    const board: Board = { meta: {}, nodes: [], edges: [], sections: { api: '```js\nconst a = 1;' }, comments: [] };
    const parsed = parseDesignDoc(formatDesignDoc(board)).board;
    expect(parsed.sections).toEqual({ api: '```js\nconst a = 1;\n```' });
  });

  it('prefers its own diagram over a flowchart quoted in an earlier section', () => {
    const board: Board = {
      meta: {},
      nodes: [node('real', 'service', 'Real')],
      edges: [],
      sections: { requirements: '```mermaid\nflowchart LR\n  fake --> news\n```' },
      comments: [],
    };
    const parsed = parseDesignDoc(formatDesignDoc(board)).board;
    expect(parsed.nodes.map((n) => n.id)).toEqual(['real']);
    expect(parsed.sections).toEqual(board.sections);
  });
});
