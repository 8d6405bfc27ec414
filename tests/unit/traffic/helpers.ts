/** Small boards and explicit capacity defaults for the traffic model's tests. */
import type { NodeKind } from '../../../core/src/board/kinds';
import type { Board, BoardEdge, BoardNode } from '../../../core/src/board/schema';
import { capacityDefaultsSchema, type CapacityDefaults } from '../../../core/src/traffic/defaults';

const SOURCE = 'round test figure, not a measurement';

/** Round figures so every expected load below can be worked out by hand. */
export const DEFAULTS: CapacityDefaults = capacityDefaultsSchema.parse({
  version: 1,
  defaultTraffic: { readsPerSecond: 1000, writesPerSecond: 100, source: 'No traffic figures on the board (test default).' },
  kinds: {
    client: { scaling: 'source', latencyMs: 0, source: SOURCE },
    dns: { scaling: 'elastic', opsPerSecond: 1e6, latencyMs: 0, source: SOURCE },
    cdn: { scaling: 'elastic', opsPerSecond: 1e6, hitRatio: 0.5, latencyMs: 10, source: SOURCE },
    'load-balancer': { scaling: 'elastic', opsPerSecond: 50_000, latencyMs: 1, source: SOURCE },
    'api-gateway': { scaling: 'elastic', opsPerSecond: 10_000, latencyMs: 5, source: SOURCE },
    service: { scaling: 'elastic', opsPerSecond: 1000, latencyMs: 10, source: SOURCE },
    worker: { scaling: 'elastic', opsPerSecond: 100, latencyMs: 20, source: SOURCE },
    scheduler: { scaling: 'fixed', opsPerSecond: 1000, latencyMs: 5, source: SOURCE },
    database: { scaling: 'fixed', readsPerSecond: 10_000, writesPerSecond: 5000, latencyMs: 5, source: SOURCE },
    cache: { scaling: 'fixed', opsPerSecond: 100_000, hitRatio: 0.9, latencyMs: 1, source: SOURCE },
    queue: { scaling: 'fixed', opsPerSecond: 20_000, latencyMs: 5, source: SOURCE },
    stream: { scaling: 'fixed', opsPerSecond: 100_000, latencyMs: 5, source: SOURCE },
    'object-storage': { scaling: 'fixed', readsPerSecond: 5500, writesPerSecond: 3500, latencyMs: 20, source: SOURCE },
    search: { scaling: 'fixed', readsPerSecond: 2000, writesPerSecond: 5000, latencyMs: 20, source: SOURCE },
    'rate-limiter': { scaling: 'elastic', opsPerSecond: 10_000, latencyMs: 1, source: SOURCE },
    external: { scaling: 'fixed', opsPerSecond: 10_000, latencyMs: 100, source: SOURCE },
    other: { scaling: 'elastic', opsPerSecond: 1000, latencyMs: 10, source: SOURCE },
  },
  engines: [{ id: 'postgres', match: ['postgres', 'postgresql'], kinds: ['database'], readsPerSecond: 8000, writesPerSecond: 4000, source: SOURCE }],
});

type NodeSpec = [id: string, kind: NodeKind, label?: string, extra?: Partial<BoardNode>];
type EdgeSpec = [source: string, target: string, label?: string, mode?: 'sync' | 'async'];

export function makeBoard(nodes: NodeSpec[], edges: EdgeSpec[], sections: Board['sections'] = {}): Board {
  return {
    meta: {},
    nodes: nodes.map(([id, kind, label, extra]) => ({ id, kind, label: label ?? id, x: 0, y: 0, notes: '', props: {}, ...extra })),
    edges: edges.map(([source, target, label, mode], i): BoardEdge => ({ id: `e${i}`, source, target, label: label ?? '', mode: mode ?? 'sync' })),
    sections,
    comments: [],
  };
}
