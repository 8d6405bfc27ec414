/**
 * Graph analysis for the rules reviewer: what each node is for (from its kind, or its label
 * when the kind is generic), where requests enter, what they reach, whether a cache sits in
 * front of a store, whether work goes through a queue, and which stores stand alone.
 */
import type { NodeKind } from '../board/kinds';
import type { Board, BoardNode } from '../board/schema';

export type Role = 'client' | 'edge' | 'balancer' | 'service' | 'worker' | 'store' | 'cache' | 'queue' | 'external' | 'decor';

const KIND_ROLE: Record<NodeKind, Role> = {
  client: 'client',
  dns: 'edge',
  cdn: 'edge',
  'load-balancer': 'balancer',
  'api-gateway': 'balancer',
  'rate-limiter': 'service',
  service: 'service',
  worker: 'worker',
  scheduler: 'worker',
  database: 'store',
  'object-storage': 'store',
  search: 'store',
  cache: 'cache',
  queue: 'queue',
  stream: 'queue',
  external: 'external',
  note: 'decor',
  group: 'decor',
  other: 'service',
};

/** Labels that say what a generically-kinded node is. Checked in order. */
const LABEL_ROLES: Array<[RegExp, Role]> = [
  [/\b(cache|memcached?|redis cache)\b/i, 'cache'],
  [/\b(kafka|rabbit ?mq|sqs|kinesis|pub\/?sub|queue|stream|event bus|nats|pulsar)\b/i, 'queue'],
  [/\b(postgres(?:ql)?|mysql|dynamo ?db|cassandra|mongo ?db|database|db|s3|blob|bucket|object store|elasticsearch|hbase|bigtable|spanner|cockroach|sql|warehouse|redis)\b/i, 'store'],
  [/\b(client|clients|browser|user|users|mobile|web app|app(?!\s*(?:server|service|tier|layer|logic))|producers?|callers?|frontend|front-end)\b/i, 'client'],
  [/\b(load balancer|lb|gateway|nginx|envoy|haproxy)\b/i, 'balancer'],
  [/\b(cdn|dns|edge)\b/i, 'edge'],
  [/\b(worker|consumer|job|cron|scheduler)\b/i, 'worker'],
];

export function roleOf(node: BoardNode): Role {
  const byKind = KIND_ROLE[node.kind];
  // Only generic kinds are refined from the label; a node drawn as a service stays a service.
  if (node.kind !== 'other' && node.kind !== 'external') return byKind;
  for (const [re, role] of LABEL_ROLES) {
    if (re.test(node.label)) {
      if (node.kind === 'external' && role !== 'client') continue;
      return role;
    }
  }
  return byKind;
}

export interface GraphFacts {
  nodes: BoardNode[];
  roles: Map<string, Role>;
  out: Map<string, string[]>;
  entries: string[];
  /** Node ids reachable from an entry, following edges forward. */
  reachable: Set<string>;
  /** Stores (databases, object storage, search) reachable from an entry. */
  storesReached: string[];
  /** Caches reachable from an entry whose upstream service also reaches a separate store. */
  readPathCaches: string[];
  /** Queue/stream nodes fed from the request path and consumed downstream, plus async edges. */
  asyncHops: string[];
  /** Share of real (non-decor) nodes in the entry's connected component. */
  connectedShare: number;
  kinds: Set<NodeKind>;
}

export function analyseGraph(board: Board): GraphFacts {
  const nodes = board.nodes;
  const roles = new Map<string, Role>();
  for (const node of nodes) roles.set(node.id, roleOf(node));
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  const undirected = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const edge of board.edges) {
    if (!roles.has(edge.source) || !roles.has(edge.target)) continue;
    push(out, edge.source, edge.target);
    push(undirected, edge.source, edge.target);
    push(undirected, edge.target, edge.source);
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
  }

  let entries = nodes.filter((n) => roles.get(n.id) === 'client' && (out.get(n.id)?.length ?? 0) > 0).map((n) => n.id);
  if (entries.length === 0) {
    // No client drawn: callers are nodes nothing points at, which are not data or messaging.
    entries = nodes
      .filter((n) => (indegree.get(n.id) ?? 0) === 0 && (out.get(n.id)?.length ?? 0) > 0)
      .filter((n) => ['service', 'balancer', 'edge', 'external', 'worker'].includes(roles.get(n.id) ?? ''))
      .map((n) => n.id);
  }

  const reachable = bfs(entries, out);
  // With no database on the board, an in-memory store (Redis counters, say) is the data store.
  const hasStore = nodes.some((n) => roles.get(n.id) === 'store');
  const storesReached = [...reachable].filter((id) => roles.get(id) === 'store' || (!hasStore && roles.get(id) === 'cache'));

  // Nodes from which some store can be reached (reverse search from every store).
  const reverse = new Map<string, string[]>();
  for (const [from, targets] of out) for (const to of targets) push(reverse, to, from);
  const reachesStore = bfs(nodes.filter((n) => roles.get(n.id) === 'store').map((n) => n.id), reverse);
  const readPathCaches: string[] = [];
  for (const id of reachable) {
    if (roles.get(id) !== 'cache') continue;
    if (reachesStore.has(id) && storesReached.length > 0) {
      readPathCaches.push(id);
      continue;
    }
    // A caller on the path talks to this cache and, through another edge, to a store (cache-aside).
    const aside = nodes.some(
      (u) => reachable.has(u.id) && (out.get(u.id) ?? []).includes(id) && (out.get(u.id) ?? []).some((w) => w !== id && reachesStore.has(w)),
    );
    if (aside) readPathCaches.push(id);
  }

  const asyncHops: string[] = [];
  for (const id of reachable) {
    if (roles.get(id) === 'queue' && (out.get(id)?.length ?? 0) > 0) asyncHops.push(id);
  }
  for (const edge of board.edges) if (edge.mode === 'async' && reachable.has(edge.source)) asyncHops.push(edge.target);

  const real = nodes.filter((n) => roles.get(n.id) !== 'decor');
  const component = bfs(entries, undirected);
  const connectedShare = real.length === 0 ? 0 : real.filter((n) => component.has(n.id)).length / real.length;

  return {
    nodes,
    roles,
    out,
    entries,
    reachable,
    storesReached,
    readPathCaches,
    asyncHops: [...new Set(asyncHops)],
    connectedShare,
    kinds: new Set(nodes.map((n) => n.kind)),
  };
}

function bfs(starts: readonly string[], adjacency: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i] as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** A readable name for a node in messages: its label, or its id. */
export function nodeName(node: BoardNode | undefined, _id: string): string {
  // Users know components by their labels; internal ids mean nothing to them.
  const label = node?.label.trim();
  return label ? `"${label}"` : `an unlabelled ${node?.kind ?? 'component'}`;
}
