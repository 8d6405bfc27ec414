/** Component kinds a board node can have. Stable ids: they appear in design docs as `:::kind`. */
export const NODE_KINDS = [
  'client',
  'dns',
  'cdn',
  'load-balancer',
  'api-gateway',
  'service',
  'worker',
  'scheduler',
  'database',
  'cache',
  'queue',
  'stream',
  'object-storage',
  'search',
  'rate-limiter',
  'external',
  'note',
  'group',
  'other',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  client: 'Client',
  dns: 'DNS',
  cdn: 'CDN',
  'load-balancer': 'Load balancer',
  'api-gateway': 'API gateway',
  service: 'Service',
  worker: 'Worker',
  scheduler: 'Scheduler',
  database: 'Database',
  cache: 'Cache',
  queue: 'Queue',
  stream: 'Stream',
  'object-storage': 'Object storage',
  search: 'Search index',
  'rate-limiter': 'Rate limiter',
  external: 'External provider',
  note: 'Note',
  group: 'Group / region',
  other: 'Other',
};

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}
