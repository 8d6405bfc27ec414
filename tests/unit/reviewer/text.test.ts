import { describe, expect, it } from 'vitest';
import { findEndpoints, findNumbers, findStatusCodes, findTables, isDerivedRate, isDerivedSize, isWordList, keyed, stem } from '../../../core/src/reviewer/index';
import { compileTerms, matchesAny } from '../../../core/src/reviewer/text';

describe('stemming and keyed text', () => {
  it('brings plurals and -ing/-ed forms to one stem', () => {
    expect(stem('caches')).toBe(stem('cache'));
    expect(stem('caching')).toBe(stem('cache'));
    expect(stem('retries')).toBe(stem('retry'));
    expect(stem('partitioned')).toBe(stem('partition'));
    expect(stem('indexes')).toBe(stem('index'));
  });

  it('splits identifiers so idempotencyKey meets "idempotency key"', () => {
    expect(keyed('`idempotencyKey`')).toContain(' idempotency key ');
    expect(keyed('short_code PK')).toContain(' short code pk ');
  });
});

describe('word lists', () => {
  it('flags a comma list of names and keeps explanations', () => {
    expect(isWordList('Kafka, Redis, Cassandra, sharding, CDN, load balancer')).toBe(true);
    expect(isWordList('Redis caches hot codes with LRU, so most redirects never reach the database')).toBe(false);
  });

  it('does not mistake a payload or a table for a list', () => {
    expect(isWordList('`POST /v1/n {userId, templateId, params, channels}` → `202 {id}`')).toBe(false);
    expect(isWordList('20M notifications/day ≈ 230/s average; campaigns peak at 10k/s.')).toBe(false);
  });

  it('does not split a figure at its thousands separator, nor take an enumeration of specifics for names', () => {
    expect(isWordList('Consistent, available, 1,000 orders per second.')).toBe(false);
    expect(isWordList('Monitoring: redirect p99, cache hit rate, 5xx rate, lease latency, alert on each.')).toBe(false);
    expect(isWordList('Token bucket, leaky bucket, sliding window, Redis cluster, sharding')).toBe(true);
  });
});

describe('numbers with units', () => {
  it('finds rates, sizes, durations, percents and ratios', () => {
    const found = findNumbers('100M links a day ≈ 1,160 writes/s; 27 TB; p99 < 50 ms; 99.99% up; 10:1 reads');
    const categories = found.map((n) => n.category).sort();
    expect(categories).toEqual(['duration', 'percent', 'rate', 'rate', 'ratio', 'size']);
    expect(found.find((n) => n.text.startsWith('100M'))?.per).toBe('day');
  });

  it('ignores bare numbers and buzzwords', () => {
    expect(findNumbers('QPS, p99, CAP theorem, 3 replicas')).toEqual([]);
  });

  it('recognises a derived rate and a derived size, not a lone figure', () => {
    expect(isDerivedRate('20M notifications/day ≈ 230/s average')).toBe(true);
    expect(isDerivedRate('Limit each user to 1,000 per hour.')).toBe(false);
    expect(isDerivedSize('365B rows at ~500 bytes each ≈ 180 TB')).toBe(true);
    expect(isDerivedSize('Redis has 64 GB.')).toBe(false);
  });
});

describe('structure detectors', () => {
  it('finds endpoints with verbs and paths, and RPC signatures', () => {
    expect(findEndpoints('`POST /api/v1/urls {longUrl}` → `201`').map((e) => `${e.verb} ${e.path}`)).toEqual(['POST /api/v1/urls']);
    expect(findEndpoints('ShouldRateLimit(domain, descriptors) → {allowed}')[0]?.verb).toBe('RPC');
    expect(findEndpoints('we post updates to the feed')).toEqual([]);
  });

  it('finds status codes but not sizes or latencies', () => {
    expect(findStatusCodes('→ `201 {code}`; `409` when taken; 429 if throttled')).toEqual([201, 409, 429]);
    expect(findStatusCodes('p99 under 200 ms, 500 bytes each, 404')).toEqual([404]);
  });

  it('finds tables with columns, including nested types', () => {
    const tables = findTables('One table `link(code CHAR(8) PRIMARY KEY, url TEXT, created_at)` and hash(url).');
    expect(tables.map((t) => t.name)).toEqual(['link']);
    expect(tables[0]?.columns).toHaveLength(3);
  });
});

describe('matchesAny', () => {
  const terms = compileTerms(['read replica', 'replica', 'message queue', 'shard key']);

  it('finds whole-token phrases in order, wherever they sit in the sentence', () => {
    expect(matchesAny(keyed('We add a read replica in each region'), terms)).toBe('read replica');
    expect(matchesAny(keyed('Each replica lags a little'), terms)).toBe('replica');
    expect(matchesAny(keyed('The shard key is the user id'), terms)).toBe('shard key');
    expect(matchesAny(keyed('a queue of messages'), terms)).toBeUndefined();
    // A first token that is only part of a word does not count.
    expect(matchesAny(keyed('the reader replays'), terms)).toBeUndefined();
  });

  it('answers the same after its cache of recent sentences fills and clears', () => {
    for (let i = 0; i < 1500; i++) {
      const sentence = keyed(`sentence ${i} ${i % 3 === 0 ? 'with a read replica' : 'with nothing'}`);
      expect(matchesAny(sentence, terms)).toBe(i % 3 === 0 ? 'read replica' : undefined);
    }
  });
});
