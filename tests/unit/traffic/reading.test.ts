/** What the model reads from what a candidate wrote: instance counts and traffic figures. */
import { describe, expect, it } from 'vitest';
import { countsInText, parseRate, parseRatio, readBaseline, readLatencyTarget } from '../../../core/src/traffic/index';
import { DEFAULTS, makeBoard } from './helpers';

describe('instance counts written in labels and notes', () => {
  it.each([
    ['Postgres (3 replicas)', { replicas: 3 }],
    ['3 read replicas', { replicas: 3 }],
    ['three replicas across zones', { replicas: 3 }],
    ['Cassandra RF=3', { replicas: 3 }],
    ['replication factor of 5', { replicas: 5 }],
    ['sharded 8 ways by user id', { shards: 8 }],
    ['16-way sharded', { shards: 16 }],
    ['partitioned into 12 partitions', { shards: 12 }],
    ['Kafka, 6 brokers', { instances: 6 }],
    ['API x4', { instances: 4 }],
    ['Workers (×12)', { instances: 12 }],
    ['20 pods behind the LB', { instances: 20 }],
    ['Redis (95% hit ratio)', { hitRatio: 0.95 }],
    ['Postgres, 2 shards with 2 replicas each', { shards: 2, replicas: 2 }],
  ])('%s', (text, expected) => {
    expect(countsInText(text, true).values).toEqual(expected);
  });

  it.each(['handles 10x traffic', 'API service', 'p99 under 30 ms', 'v2 API', 'port 8080'])('finds nothing in "%s"', (text) => {
    expect(countsInText(text, true).values).toEqual({});
  });

  it('reads "x4" as a count only on a label: in prose it is arithmetic', () => {
    expect(countsInText('8M × 250 B ≈ 2 GB').values).toEqual({});
    expect(countsInText('API x4', true).values).toEqual({ instances: 4 });
  });

  it('reads what one instance can take, a range as its middle; a whole system\'s rate is not per instance', () => {
    expect(countsInText('A Redis primary does ~100k–150k Lua calls/s, so ~3M/s needs ~25–30 shards').values).toEqual({ capacity: 125_000, shards: 30 });
    expect(countsInText('each node handles 20,000 writes a second').values).toEqual({ capacity: 20_000 });
    expect(countsInText('a broker can take 50–80k msgs/s').values).toEqual({ capacity: 65_000 });
    expect(countsInText('the cluster handles 3M/s at peak').values).toEqual({});
  });

  it('reads the inspector properties and their units', () => {
    expect(parseRate('5k')).toBe(5000);
    expect(parseRate('1,200/s')).toBe(1200);
    expect(parseRate('lots')).toBeUndefined();
    expect(parseRatio('90%')).toBe(0.9);
    expect(parseRatio('0.8')).toBe(0.8);
    expect(parseRatio('100%')).toBeUndefined();
  });

  it('a sentence in the sections that names one component sizes it; an ambiguous one sizes nothing', async () => {
    const { simulate } = await import('../../../core/src/traffic/index');
    const board = makeBoard(
      [['client', 'client'], ['svc', 'service'], ['c', 'database', 'Cassandra'], ['a', 'database', 'Orders Postgres'], ['b', 'database', 'Payments Postgres']],
      [['client', 'svc'], ['svc', 'c'], ['svc', 'a'], ['svc', 'b']],
      { reliability: 'Cassandra runs with replication factor 3 across zones.\nPostgres has 4 replicas.' },
    );
    const result = simulate(board, DEFAULTS, { typed: { readsPerSecond: 6000, writesPerSecond: 0 } });
    const u = (id: string) => result.nodes.find((n) => n.id === id)?.utilisation;
    expect(u('c')).toBeCloseTo(0.2, 6); // 6,000 of 3 × 10,000
    expect(u('a')).toBeCloseTo(0.75, 6); // 6,000 of 8,000: "Postgres" names two boxes
  });
});

describe('the design’s own traffic', () => {
  const baseline = (estimation: string, requirements = '') => {
    const warnings: string[] = [];
    const b = readBaseline(makeBoard([], [], { estimation, requirements }), DEFAULTS, undefined, warnings);
    return { ...b, warnings };
  };

  it('takes the peak figures of each flow', () => {
    const b = baseline('- 40M creates/day ÷ ~86,400 s ≈ 460 writes/s, call it 1.5k/s at peak.\n- Reads at 100:1 ≈ 46k redirects/s average, ~150k/s peak.');
    expect([b.readsPerSecond, b.writesPerSecond]).toEqual([150_000, 1500]);
    expect(b.origin).toBe('estimate');
    expect(b.source).toBe('Estimation section: reads “~150k/s” at peak, writes “1.5k/s” at peak');
  });

  it('applies a stated peak factor to averages', () => {
    const b = baseline('100M new links a day ≈ 1,160 writes/s; with 10 reads per write ≈ 11,600 redirects/s on average and about 60k/s at a 5× peak.');
    expect([b.readsPerSecond, b.writesPerSecond]).toEqual([60_000, 5800]);
  });

  it('derives the missing flow from a read:write ratio', () => {
    const b = baseline('About 2,000 writes per second.', 'Read heavy, 50:1 reads to writes.');
    expect([b.readsPerSecond, b.writesPerSecond]).toEqual([100_000, 2000]);
  });

  it('converts per-day figures when no per-second figure is given', () => {
    const b = baseline('8.64M orders a day.');
    expect(b.writesPerSecond).toBe(100);
  });

  it('ignores what a sentence says a component can take', () => {
    const b = baseline('- 1.2M checks/s average, ~3M/s at peak.\n- A Redis primary does ~100k–150k Lua calls/s, so we need 30 shards.');
    expect([b.readsPerSecond, b.writesPerSecond]).toEqual([3_000_000, 0]);
  });

  it('falls back to the requirements, then to the default, and says which', () => {
    expect(baseline('', '- Traffic: ≈ 350 writes/s and 10k redirects/s at peak.')).toMatchObject({ readsPerSecond: 10_000, writesPerSecond: 350 });
    const none = baseline('Storage is about 5 TB.');
    expect(none).toMatchObject({ readsPerSecond: 1000, writesPerSecond: 100, origin: 'default' });
    expect(none.warnings).toEqual(['No traffic figures on the board (test default).']);
  });

  it('marks figures that count deliveries, not requests into the system', () => {
    const read = (estimation: string) => readBaseline(makeBoard([], [], { estimation }), DEFAULTS, undefined, []).deliveries;
    expect(read('30M push + 10M email + 2M SMS per day; campaigns peak at ~20k/s')).toBe(true);
    expect(read('5k notification requests/s at peak')).toBeUndefined();
    expect(read('4k writes/s and 40M pushes a day')).toBeUndefined();
  });

  it('typed figures win over the estimate', () => {
    const b = readBaseline(makeBoard([], [], { estimation: '5k writes/s' }), DEFAULTS, { readsPerSecond: 7, writesPerSecond: 3 }, []);
    expect(b).toEqual({ readsPerSecond: 7, writesPerSecond: 3, source: 'typed in the traffic panel', origin: 'typed' });
  });

  it('reads the latency target from the requirements', () => {
    expect(readLatencyTarget(makeBoard([], [], { requirements: 'Redirect p99 under 30 ms, 99.99% available.' }))).toBe(30);
    expect(readLatencyTarget(makeBoard([], [], { requirements: 'Low latency.' }))).toBeUndefined();
  });
});
