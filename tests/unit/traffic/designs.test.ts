/**
 * The traffic model on whole designs, with the real capacity defaults (rubrics/capacity.yaml):
 * the strong designs of the four seed prompts carry their own estimated traffic, and a weak
 * design (one server, one database, no cache) saturates sooner than a strong one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDesignDoc } from '../../../core/src/designdoc/index';
import { simulate, type CapacityDefaults, type SimulationResult } from '../../../core/src/traffic/index';
import { loadRubrics } from '../../../server/src/data/rubrics';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let defaults: CapacityDefaults;
beforeAll(async () => {
  const rubrics = await loadRubrics(path.join(ROOT, 'rubrics'));
  if (!rubrics.capacity) throw new Error('no capacity defaults loaded');
  defaults = rubrics.capacity;
});

function run(file: string, options: Parameters<typeof simulate>[2] = {}): SimulationResult {
  const { board } = parseDesignDoc(readFileSync(path.join(ROOT, 'tests/fixtures', file)));
  return simulate(board, defaults, options);
}

function first(result: SimulationResult): { label: string; kind: string; atTraffic: number } {
  const fb = result.firstBottleneck;
  const node = result.nodes.find((n) => n.id === fb?.id);
  if (!fb || !node) throw new Error('no first bottleneck');
  return { label: node.label, kind: node.kind, atTraffic: fb.atTraffic };
}

describe('strong designs carry their own estimate', () => {
  it.each([
    ['holdout/url-shortener-range-ids.md', 150_000, 1500, 'Kafka'],
    ['designs/url-shortener-strong.md', 60_000, 5800, 'Cassandra'],
    ['holdout/order-system-saga-outbox.md', 100_000, 500, 'DynamoDB carts'],
    ['holdout/rate-limiter-token-bucket-gateway.md', 3_000_000, 0, 'Redis cluster'],
  ])('%s: nothing saturates at 1×; the first bottleneck is a stateful component strictly above it', (file, reads, writes, label) => {
    const result = run(file);
    expect([result.baseline.readsPerSecond, result.baseline.writesPerSecond]).toEqual([reads, writes]);
    expect(result.baseline.source).toMatch(/^Estimation section: /);
    expect(result.bottlenecks).toEqual([]);
    const found = first(result);
    expect(found.label).toBe(label);
    expect(['database', 'cache', 'stream', 'queue', 'external']).toContain(found.kind);
    expect(found.atTraffic).toBeGreaterThan(1);
  });

  it('the rate limiter: 30 Redis shards at the per-primary rate its estimate states fill at 1.25× its 3M/s peak', () => {
    // "A Redis primary does ~100k–150k Lua calls/s, so ~3M/s needs ~25–30 shards with headroom":
    // 30 shards × 125,000 (the middle of its own range) = 3.75M a second, 1.25× its peak.
    const result = run('holdout/rate-limiter-token-bucket-gateway.md');
    expect(first(result)).toMatchObject({ label: 'Redis cluster', atTraffic: 1.25 });
    expect(result.nodes.find((n) => n.id === 'redis')?.capacityPerSecond).toBe(3_750_000);
  });

  it('the notification design: its 20k/s campaign deliveries start at the router and meet its unsized Cassandra log first', () => {
    // The estimate counts pushes, emails and SMS: deliveries, which the router makes ("expands
    // segments ... one message per (user, channel)"), not requests into the API. So Postgres
    // (one row per API request) carries none of them; the router looks each message up in the
    // prefs cache and the two topic groups divide them among their workers: 10k pushes a second
    // (exactly FCM's 10k/s quota, which the design names) and 20k log writes a second against
    // one Cassandra node's ~15k, i.e. full at 0.75×. The design never says how many nodes.
    const result = run('holdout/notification-service-router-priorities.md');
    expect(result.baseline.writesPerSecond).toBe(20_000);
    const load = (id: string) => result.nodes.find((n) => n.id === id)?.loadPerSecond;
    expect([load('pg'), load('router'), load('prefs'), load('apns'), load('log')]).toEqual([0, 20_000, 20_000, 10_000, 20_000]);
    expect(first(result)).toMatchObject({ label: 'Cassandra delivery log', atTraffic: 0.75 });
    expect(result.warnings.some((w) => w.startsWith('The estimate counts deliveries, which begin at "Router"'))).toBe(true);
  });
});

describe('a weak design saturates sooner than a strong one', () => {
  const typed = { readsPerSecond: 10_000, writesPerSecond: 1000 };

  it('one server and one database, no cache, against the strong URL shortener at the same traffic', () => {
    const weak = first(run('designs/url-shortener-weak.md', { typed }));
    const strong = first(run('designs/url-shortener-strong.md', { typed }));
    // MySQL alone: 10,000 of 10,000 reads + 1,000 of 5,000 writes = 1.2 → full at 0.83×.
    expect(weak).toMatchObject({ label: 'MySQL', atTraffic: 0.8333 });
    expect(strong.atTraffic).toBeGreaterThan(5 * weak.atTraffic);
  });

  it.each([
    ['url-shortener-range-ids', 'url-shortener-md5-cache'],
    ['rate-limiter-token-bucket-gateway', 'rate-limiter-fixed-window-redis'],
    ['notification-service-router-priorities', 'notification-service-single-queue'],
    ['order-system-saga-outbox', 'order-system-2pc'],
  ])('held out: %s holds more of its own estimate than %s does at the same traffic', (strongId, weakId) => {
    const strong = run(`holdout/${strongId}.md`);
    const typed = { readsPerSecond: strong.baseline.readsPerSecond, writesPerSecond: strong.baseline.writesPerSecond };
    const weak = run(`holdout/${weakId}.md`, { typed });
    expect(first(weak).atTraffic).toBeLessThan(first(strong).atTraffic);
  });
});
