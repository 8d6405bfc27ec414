import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDesignDoc } from '../../../core/src/designdoc';

/** The example file from docs/design-doc-format.md, verbatim. */
const EXAMPLE = readFileSync(new URL('./fixtures/contract-example.md', import.meta.url), 'utf8');

describe('the contract example (design-doc-format.md)', () => {
  const { board, warnings } = parseDesignDoc(EXAMPLE);

  it('parses without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('reads prompt and title from the front matter, without the YAML comments', () => {
    expect(board.meta).toEqual({ prompt: 'url-shortener', title: 'URL shortener, first try' });
  });

  it('gives the expected nodes, labels and kinds', () => {
    expect(board.nodes.map((n) => [n.id, n.label, n.kind, n.parent ?? null])).toEqual([
      ['client', 'Browser', 'client', null],
      ['lb', 'Load balancer', 'load-balancer', null],
      ['api', 'URL service', 'service', null],
      ['cache', 'Redis cache', 'cache', null],
      ['db', 'Cassandra', 'database', null],
      ['kgs', 'Key generation service', 'service', null],
    ]);
  });

  it('gives the expected edges', () => {
    expect(board.edges).toEqual([
      { id: 'e-client-lb', source: 'client', target: 'lb', label: '', mode: 'sync' },
      { id: 'e-lb-api', source: 'lb', target: 'api', label: '', mode: 'sync' },
      { id: 'e-api-cache', source: 'api', target: 'cache', label: 'read-through', mode: 'sync' },
      { id: 'e-api-db', source: 'api', target: 'db', label: '', mode: 'sync' },
      { id: 'e-kgs-api', source: 'kgs', target: 'api', label: '', mode: 'sync' },
    ]);
  });

  it('gives the expected sections, with the diagram cut out of its section', () => {
    expect(board.sections).toEqual({
      requirements:
        '- Functional: shorten a long URL, redirect, optional custom alias, expiry\n' +
        '- Non-functional: redirect p99 < 50 ms, 99.99% available, 100:1 read/write',
      estimation: '100M new URLs/day ≈ 1.2k writes/s; reads 100× ≈ 120k/s at peak ...',
      api: 'POST /api/v1/urls {longUrl, alias?, expiresAt?} -> 201 {code, shortUrl}\nGET /{code} -> 302 Location: longUrl',
      'data-model': 'urls(code PK, long_url, owner_id, created_at, expires_at) in a key-value store ...',
      'high-level-design': 'Free text about the diagram may follow the block.',
    });
  });

  it('lays the nodes out left to right in longest-path layers', () => {
    expect(board.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['client', 0, 0],
      ['lb', 220, 60],
      ['api', 440, 60],
      ['cache', 660, 0],
      ['db', 660, 120],
      ['kgs', 0, 120],
    ]);
  });
});
