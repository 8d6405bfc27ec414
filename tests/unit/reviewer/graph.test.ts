import { describe, expect, it } from 'vitest';
import { emptyBoard, type Board, type BoardNode } from '../../../core/src/board/schema';
import type { NodeKind } from '../../../core/src/board/kinds';
import { analyseGraph } from '../../../core/src/reviewer/index';
import { review } from './helpers';

function node(id: string, kind: NodeKind, label: string): BoardNode {
  return { id, kind, label, x: 0, y: 0, notes: '', props: {} };
}

function graph(nodes: BoardNode[], edges: Array<[string, string, ('sync' | 'async')?]>): Board {
  return {
    ...emptyBoard({ prompt: 'url-shortener' }),
    nodes,
    edges: edges.map(([source, target, mode], i) => ({ id: `e${i}`, source, target, label: '', mode: mode ?? 'sync' })),
  };
}

describe('graph analysis', () => {
  const shortener = graph(
    [node('c', 'client', 'Browser'), node('lb', 'load-balancer', 'LB'), node('api', 'service', 'URL service'), node('cache', 'cache', 'Redis'), node('db', 'database', 'Cassandra'), node('k', 'stream', 'Kafka'), node('w', 'worker', 'Analytics')],
    [['c', 'lb'], ['lb', 'api'], ['api', 'cache'], ['api', 'db'], ['api', 'k', 'async'], ['k', 'w']],
  );

  it('finds the entry, the store it reaches, the cache in front of it and the async hop', () => {
    const facts = analyseGraph(shortener);
    expect(facts.entries).toEqual(['c']);
    expect(facts.storesReached).toEqual(['db']);
    expect(facts.readPathCaches).toEqual(['cache']);
    expect(facts.asyncHops).toContain('k');
    expect(facts.connectedShare).toBe(1);
  });

  it('finds no request path in a chain of infrastructure with no caller', () => {
    const chain = graph(
      [node('a', 'stream', 'Kafka'), node('b', 'cache', 'Redis'), node('c', 'database', 'Cassandra'), node('d', 'cdn', 'CDN')],
      [['a', 'b'], ['b', 'c'], ['c', 'd']],
    );
    const facts = analyseGraph(chain);
    expect(facts.entries).toEqual([]);
    expect(facts.storesReached).toEqual([]);
    expect(facts.readPathCaches).toEqual([]);
  });

  it('uses a calling service as the entry when no client is drawn', () => {
    const producers = graph([node('p', 'service', 'Producers'), node('api', 'service', 'API'), node('db', 'database', 'Postgres')], [['p', 'api'], ['api', 'db']]);
    expect(analyseGraph(producers).entries).toEqual(['p']);
  });

  it('names the store that is a single point of failure in "missing"', async () => {
    const r = await review(graph([node('u', 'client', 'User'), node('app', 'service', 'App'), node('db', 'database', 'MySQL')], [['u', 'app'], ['app', 'db']]));
    const reliability = r.items.find((i) => i.id === 'reliability');
    expect(reliability?.missing.some((m) => m.includes('"MySQL" is a single point of failure'))).toBe(true);
    // Users know components by their labels: the internal id never appears.
    expect(JSON.stringify(reliability)).not.toContain('(db)');
  });

  it('credits a connected request path in high-level design, and nothing for a disconnected pile', async () => {
    const connected = await review(shortener);
    const pile = await review(graph(shortener.nodes, []));
    const hld = (r: typeof connected) => r.items.find((i) => i.id === 'high-level-design')?.score ?? -1;
    expect(hld(connected)).toBeGreaterThanOrEqual(2);
    expect(hld(pile)).toBeLessThanOrEqual(1);
  });
});
