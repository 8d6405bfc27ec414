import type { NodeKind } from '../../../core/src';

export interface KindProp {
  key: string;
  label: string;
  options: readonly string[];
}

/** Properties that matter for a kind in an interview; stored in the node's `props`. */
export const KIND_PROPS: Partial<Record<NodeKind, readonly KindProp[]>> = {
  database: [
    { key: 'engine', label: 'Engine', options: ['PostgreSQL', 'MySQL', 'DynamoDB', 'Cassandra', 'MongoDB', 'Spanner', 'Redis'] },
    { key: 'replication', label: 'Replication', options: ['None', 'Primary–replica', 'Multi-primary', 'Quorum'] },
  ],
  queue: [{ key: 'delivery', label: 'Delivery', options: ['At most once', 'At least once', 'Exactly once'] }],
  stream: [{ key: 'delivery', label: 'Delivery', options: ['At most once', 'At least once', 'Exactly once'] }],
  cache: [{ key: 'eviction', label: 'Eviction', options: ['LRU', 'LFU', 'TTL', 'FIFO'] }],
};

/** The values of a node's kind properties that are set, in display order. */
export function shownProps(kind: NodeKind, props: Readonly<Record<string, string>>): string[] {
  return (KIND_PROPS[kind] ?? []).map((p) => props[p.key]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}
