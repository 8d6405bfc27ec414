/**
 * The traffic model on small boards whose loads are worked out by hand in the comments, with
 * the round figures of helpers.ts (database 10,000 reads and 5,000 writes a second, cache
 * 100,000 operations and 90 % hits, queue 20,000, worker 100 per instance).
 */
import { describe, expect, it } from 'vitest';
import { analyseTraffic, prepareTraffic, simulate, simulationResultSchema, type SimulationResult } from '../../../core/src/traffic/index';
import { DEFAULTS, makeBoard } from './helpers';

const node = (result: SimulationResult, id: string) => {
  const found = result.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id} in the result`);
  return found;
};

describe('a cache with a 90 % hit ratio in front of one database', () => {
  const typed = { readsPerSecond: 10_000, writesPerSecond: 100 };

  it('read-through: the database sees the misses and every write', () => {
    const board = makeBoard(
      [['client', 'client'], ['api', 'service'], ['cache', 'cache'], ['db', 'database', 'Postgres']],
      [['client', 'api'], ['api', 'cache', 'read-through'], ['cache', 'db', 'miss']],
    );
    const result = simulate(board, DEFAULTS, { typed });
    // Both edges are labelled for reads, so the 100 writes stop at the service.
    expect(node(result, 'cache').loadPerSecond).toBe(10_000);
    expect(node(result, 'cache').utilisation).toBeCloseTo(0.1, 6);
    // Postgres figures: 1,000 misses of 8,000 reads = 0.125, full at 8×.
    expect(node(result, 'db').loadPerSecond).toBe(1000);
    expect(node(result, 'db').utilisation).toBeCloseTo(0.125, 6);
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 8 });
  });

  it('cache-aside: the service reads the cache and sends the database only the misses, plus writes', () => {
    const board = makeBoard(
      [['client', 'client'], ['api', 'service'], ['cache', 'cache'], ['db', 'database']],
      [['client', 'api'], ['api', 'cache'], ['api', 'db']],
    );
    const result = simulate(board, DEFAULTS, { typed });
    // cache: 10,000 reads + 100 invalidations = 10,100 of 100,000 → 0.101
    expect(node(result, 'cache').loadPerSecond).toBe(10_100);
    expect(node(result, 'cache').utilisation).toBeCloseTo(0.101, 6);
    // db: 10,000 × 0.1 = 1,000 reads of 10,000 (0.1) + 100 writes of 5,000 (0.02) = 0.12
    expect(node(result, 'db').loadPerSecond).toBe(1100);
    expect(node(result, 'db').utilisation).toBeCloseTo(0.12, 6);
    expect(node(result, 'db').capacityPerSecond).toBeCloseTo(1100 / 0.12, 1);
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 8.333 });
    expect(result.bottlenecks).toEqual([]);
    // A write is done when the database has it, not the cache it invalidates: 0 + 10 + 5.
    expect(result.paths).toEqual([
      { name: 'read', latencyMs: 11 },
      { name: 'write', latencyMs: 15 },
    ]);

    // At 10×: db 1.2, cache 1.01, worst first.
    const tenfold = simulate(board, DEFAULTS, { typed, traffic: 10 });
    expect(tenfold.bottlenecks).toEqual(['db', 'cache']);
    expect(node(tenfold, 'db').loadPerSecond).toBe(11_000);
  });

  it('the read path counts the database hop only for misses; the write path goes all the way', () => {
    const board = makeBoard(
      [['client', 'client'], ['api', 'service'], ['cache', 'cache'], ['db', 'database']],
      [['client', 'api'], ['api', 'cache'], ['cache', 'db']],
    );
    const result = simulate(board, DEFAULTS, { typed });
    // read: 0 + 10 + 1 + 5 × 0.1 = 11.5 ms; write: 0 + 10 + 1 + 5 = 16 ms
    expect(result.paths).toEqual([
      { name: 'read', latencyMs: 11.5 },
      { name: 'write', latencyMs: 16 },
    ]);
  });
});

describe('a queue in front of slow consumers', () => {
  const board = makeBoard(
    [['client', 'client'], ['api', 'service'], ['q', 'queue'], ['w', 'worker', 'Workers', { props: { instances: '2' } }], ['db', 'database']],
    [['client', 'api'], ['api', 'q'], ['q', 'w'], ['w', 'db']],
  );
  const typed = { readsPerSecond: 0, writesPerSecond: 500 };

  it('absorbs what the consumers cannot take and reports the lag instead of failing', () => {
    const result = simulate(board, DEFAULTS, { typed });
    // 500 messages a second; two workers × 100 = 200 consumed; the backlog grows by 300 a second.
    expect(node(result, 'q').loadPerSecond).toBe(500);
    expect(node(result, 'q').utilisation).toBeCloseTo(0.025, 6);
    expect(node(result, 'w').loadPerSecond).toBe(200);
    expect(node(result, 'w').utilisation).toBeCloseTo(1, 6);
    // Downstream of the consumers the database sees their rate, not the producers'.
    expect(node(result, 'db').loadPerSecond).toBe(200);
    expect(result.warnings.some((w) => w.includes('backlog grows by 300 a second (1.1M an hour)'))).toBe(true);
    expect(result.bottlenecks).toEqual(['w']);
    expect(result.firstBottleneck).toEqual({ id: 'w', atTraffic: 0.4 });
  });

  it('answers a write once it is queued: the write path stops at the queue', () => {
    const result = simulate(board, DEFAULTS, { typed });
    expect(result.paths).toEqual([{ name: 'write', latencyMs: 15 }]);
  });

  it('every consumer group of a stream reads all of it, each at its own rate', () => {
    const streamBoard = makeBoard(
      [['client', 'client'], ['api', 'service'], ['k', 'stream'], ['slow', 'worker', 'Slow', { props: { instances: '1' } }], ['fast', 'worker']],
      [['client', 'api'], ['api', 'k'], ['k', 'slow'], ['k', 'fast']],
    );
    const result = simulate(streamBoard, DEFAULTS, { typed });
    expect(node(result, 'slow').loadPerSecond).toBe(100);
    expect(node(result, 'fast').loadPerSecond).toBe(500);
    expect(result.warnings.some((w) => w.includes('backlog grows by 400 a second'))).toBe(true);
  });
});

describe('graphs that are not a simple tree', () => {
  it('follows a cycle once, reports it and ends', () => {
    const board = makeBoard(
      [['client', 'client'], ['a', 'service', 'A'], ['b', 'service', 'B'], ['db', 'database']],
      [['client', 'a'], ['a', 'b'], ['b', 'a'], ['b', 'db']],
    );
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 1000, writesPerSecond: 0 } });
    expect(node(result, 'a').loadPerSecond).toBe(1000);
    expect(node(result, 'b').loadPerSecond).toBe(1000);
    expect(node(result, 'db').loadPerSecond).toBe(1000);
    expect(result.warnings).toContain('Cycle A → B → A: traffic is followed once around it, not again and again.');
  });

  it('gives a disconnected part no traffic and names it', () => {
    const board = makeBoard(
      [['client', 'client'], ['svc', 'service'], ['db', 'database'], ['x', 'service', 'Island service'], ['y', 'database', 'Island DB']],
      [['client', 'svc'], ['svc', 'db'], ['x', 'y']],
    );
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 1000, writesPerSecond: 0 } });
    expect(node(result, 'y')).toMatchObject({ loadPerSecond: 0, utilisation: 0 });
    expect(node(result, 'x').loadPerSecond).toBe(0);
    expect(result.warnings).toContain('Not connected to a client, so no traffic reaches "Island service", "Island DB".');
  });

  it('with no client drawn, traffic enters where nothing points and those nodes stand for the callers', () => {
    const board = makeBoard([['cron', 'scheduler', 'Cron'], ['db', 'database']], [['cron', 'db']]);
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 0, writesPerSecond: 50_000 } });
    expect(node(result, 'cron')).toMatchObject({ loadPerSecond: 50_000, capacityPerSecond: null, utilisation: null });
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 0.1 });
    expect(result.warnings[0]).toMatch(/No client is drawn/);
  });

  it('a load balancer routes reads to the read service and writes to the write service', () => {
    const board = makeBoard(
      [['client', 'client'], ['lb', 'load-balancer'], ['rs', 'service', 'Read service'], ['ws', 'service', 'Write service'], ['db', 'database']],
      [['client', 'lb'], ['lb', 'rs'], ['lb', 'ws'], ['rs', 'db'], ['ws', 'db']],
    );
    const report = analyseTraffic(prepareTraffic(board, DEFAULTS, { readsPerSecond: 1000, writesPerSecond: 100 }), 1);
    const by = Object.fromEntries(report.nodes.map((n) => [n.id, n]));
    expect([by.rs?.readsPerSecond, by.rs?.writesPerSecond]).toEqual([1000, 0]);
    expect([by.ws?.readsPerSecond, by.ws?.writesPerSecond]).toEqual([0, 100]);
    expect([by.db?.readsPerSecond, by.db?.writesPerSecond]).toEqual([1000, 100]);
  });
});

describe('capacity of one component', () => {
  it('a stateless tier with no count scales out; a count on its label fixes its size', () => {
    const board = makeBoard(
      [['client', 'client'], ['a', 'service', 'API'], ['b', 'service', 'API x4']],
      [['client', 'a'], ['a', 'b']],
    );
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 2000, writesPerSecond: 0 } });
    expect(node(result, 'a')).toMatchObject({ capacityPerSecond: null, utilisation: null });
    expect(node(result, 'b')).toMatchObject({ capacityPerSecond: 4000, utilisation: 0.5 });
  });

  it('an engine named on the label has its own figures; read replicas add reads, not writes', () => {
    const board = makeBoard(
      [['client', 'client'], ['svc', 'service'], ['pg', 'database', 'Postgres (3 replicas)']],
      [['client', 'svc'], ['svc', 'pg']],
    );
    const report = analyseTraffic(prepareTraffic(board, DEFAULTS, { readsPerSecond: 12_000, writesPerSecond: 2000 }), 1);
    // 12,000 of 3 × 8,000 = 0.5, 2,000 of 4,000 = 0.5 → 1.0
    expect(report.nodes.find((n) => n.id === 'pg')?.utilisation).toBeCloseTo(1, 6);
    expect(report.bottlenecks).toEqual(['pg']);
  });

  it('properties from the inspector win over the label', () => {
    const board = makeBoard(
      [['client', 'client'], ['svc', 'service'], ['db', 'database', 'DB (2 shards)', { props: { shards: '4', writeCapacity: '1k' } }]],
      [['client', 'svc'], ['svc', 'db']],
    );
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 0, writesPerSecond: 2000 } });
    // 2,000 writes of 4 shards × 1,000 = 0.5
    expect(node(result, 'db').utilisation).toBeCloseTo(0.5, 6);
  });

  it('a bad property value is ignored and reported, never guessed at', () => {
    const board = makeBoard([['client', 'client'], ['db', 'database', 'Orders', { props: { replicas: 'lots' } }]], [['client', 'db']]);
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 5000, writesPerSecond: 0 } });
    expect(node(result, 'db').utilisation).toBeCloseTo(0.5, 6);
    expect(result.warnings).toContain('"Orders": replicas "lots" is not a whole number from 1 to 100,000; ignored.');
  });
});

describe('a board with no estimates', () => {
  it('uses the default traffic, says so, and still finds the first bottleneck', () => {
    const board = makeBoard([['client', 'client'], ['svc', 'service'], ['db', 'database']], [['client', 'svc'], ['svc', 'db']]);
    const result = simulate(board, DEFAULTS);
    expect(result.baseline).toEqual({ readsPerSecond: 1000, writesPerSecond: 100, source: 'default (no estimate on the board)' });
    expect(result.warnings).toContain('No traffic figures on the board (test default).');
    // 1,000 / 10,000 + 100 / 5,000 = 0.12
    expect(node(result, 'db').utilisation).toBeCloseTo(0.12, 6);
    expect(result.firstBottleneck).toEqual({ id: 'db', atTraffic: 8.333 });
  });

  it('an empty board answers with nothing, and a board of stateless boxes has no bottleneck', () => {
    expect(simulate(makeBoard([], []), DEFAULTS)).toMatchObject({ nodes: [], bottlenecks: [], firstBottleneck: null, paths: [] });
    const elastic = simulate(makeBoard([['client', 'client'], ['svc', 'service']], [['client', 'svc']]), DEFAULTS);
    expect(elastic.firstBottleneck).toBeNull();
  });
});

describe('the contract', () => {
  it('has exactly the keys other tools read, validates, and is the same on every run', () => {
    const board = makeBoard([['client', 'client'], ['svc', 'service'], ['db', 'database']], [['client', 'svc'], ['svc', 'db']]);
    const result = simulate(board, DEFAULTS, { traffic: 10 });
    expect(Object.keys(result)).toEqual(['traffic', 'baseline', 'nodes', 'bottlenecks', 'firstBottleneck', 'paths', 'warnings']);
    expect(Object.keys(result.nodes[0] ?? {})).toEqual(['id', 'kind', 'label', 'loadPerSecond', 'capacityPerSecond', 'utilisation']);
    expect(simulationResultSchema.parse(result)).toEqual(result);
    expect(JSON.stringify(simulate(board, DEFAULTS, { traffic: 10 }))).toBe(JSON.stringify(result));
    expect(result.traffic).toBe(10);
    expect(result.bottlenecks).toEqual(['db']);
  });
});

describe('deliveries start where the design fans requests out', () => {
  // api → db (one row per request) and → router; the router looks each message up in a cache
  // and hands it to a box of topics, whose two worker pools divide them; each pool calls a
  // provider (external: 10,000 a second) and writes a log row (database: 5,000 writes).
  const nodes: Parameters<typeof makeBoard>[0] = [
    ['client', 'client'], ['api', 'service', 'API'], ['db', 'database', 'Requests DB'], ['router', 'service', 'Router'],
    ['prefs', 'cache', 'Prefs cache'], ['topics', 'service', 'Channel topics'], ['push', 'worker', 'Push workers'],
    ['mail', 'worker', 'Mail workers'], ['fcm', 'external', 'FCM'], ['ses', 'external', 'SES'], ['log', 'database', 'Delivery log'],
  ];
  const edges: Parameters<typeof makeBoard>[1] = [
    ['client', 'api'], ['api', 'db'], ['api', 'router'], ['router', 'prefs'], ['router', 'topics'], ['topics', 'push'], ['topics', 'mail'],
    ['push', 'fcm'], ['mail', 'ses'], ['push', 'log'], ['mail', 'log'],
  ];
  const sections = {
    estimation: '- 20M push + 10M email per day; campaigns peak at ~4k/s.',
    'high-level-design': 'The router expands each campaign and enqueues one message per user.',
  };

  it('a delivery rate enters at the fan-out, not at the client; a router looks its cache up once per message; a box of topics divides', () => {
    const result = simulate(makeBoard(nodes, edges, sections), DEFAULTS);
    expect(result.baseline).toMatchObject({ readsPerSecond: 0, writesPerSecond: 4000 });
    // Requests into the API are not stated: none of the 4,000 deliveries are API requests.
    expect([node(result, 'api').loadPerSecond, node(result, 'db').loadPerSecond]).toEqual([0, 0]);
    // Router: 4,000 messages, each one read on the cache, all 4,000 to the topics (no share lost
    // to the cache); the topics split them between two elastic pools: 2,000 each.
    expect([node(result, 'router').loadPerSecond, node(result, 'prefs').loadPerSecond, node(result, 'topics').loadPerSecond]).toEqual([4000, 4000, 4000]);
    expect([node(result, 'push').loadPerSecond, node(result, 'mail').loadPerSecond, node(result, 'fcm').loadPerSecond]).toEqual([2000, 2000, 2000]);
    // Log: 4,000 writes of 5,000 = 0.8, full at 1.25×, before FCM (2,000 of 10,000, 5×).
    expect(node(result, 'log').utilisation).toBeCloseTo(0.8, 6);
    expect(result.firstBottleneck).toEqual({ id: 'log', atTraffic: 1.25 });
    expect(result.warnings.some((w) => w.startsWith('The estimate counts deliveries, which begin at "Router"'))).toBe(true);
    // The deliveries' path starts at the router (10 ms) and ends at the topics it queues to (10 ms).
    expect(result.paths).toEqual([{ name: 'write', latencyMs: 20 }]);
  });

  it('without a fan-out sentence, or with request figures, the estimate enters at the client as before', () => {
    const noFanOut = simulate(makeBoard(nodes, edges, { estimation: sections.estimation }), DEFAULTS);
    expect(node(noFanOut, 'db').loadPerSecond).toBe(4000);
    const requests = simulate(makeBoard(nodes, edges, { ...sections, estimation: '- 4k writes/s at peak' }), DEFAULTS);
    expect(node(requests, 'db').loadPerSecond).toBe(4000);
    expect(node(requests, 'router').loadPerSecond).toBe(4000);
  });
});
