/**
 * The moving half of the traffic model: pushes the baseline times a multiple from the entries
 * through a prepared board, in its topological order, once. Reads and writes travel apart:
 * caches answer their hit ratio of reads, edges labelled read or write carry only that, async
 * edges turn whatever they carry into messages (writes) for their target, and queues pass
 * messages on no faster than their consumers take them, counting the rest as lag.
 */
import type { ModelNode, PreparedTraffic } from './prepare';

export interface FlowResult {
  multiple: number;
  /** Reads and writes a second arriving at each node (by model index). */
  reads: Float64Array;
  writes: Float64Array;
  /** Reads and writes a second sent along each node's out edges, in the order of `out`. */
  edgeReads: Float64Array[];
  edgeWrites: Float64Array[];
  /** For queues and streams: messages a second their consumers cannot take (lag growth). */
  lag: Float64Array;
}

/** Utilisation of a node with these loads: 1 means full; null when it has no limit. */
export function utilisationOf(node: ModelNode, reads: number, writes: number): number | null {
  if (node.readCapacity === null || node.writeCapacity === null) return null;
  if (node.behaviour === 'queue' || node.behaviour === 'stream') return (reads + writes) / node.writeCapacity;
  return reads / node.readCapacity + writes / node.writeCapacity;
}

/** What a consumer takes a second, or Infinity when it scales out. */
function consumerRate(node: ModelNode): number {
  return node.writeCapacity ?? Number.POSITIVE_INFINITY;
}

/**
 * Pushes `multiple` times the baseline through the model. With `capped: false` queues pass
 * every message on as if their consumers kept up, which makes every load proportional to the
 * multiple (the first-bottleneck search relies on that).
 */
export function runFlow(model: PreparedTraffic, multiple: number, capped = true): FlowResult {
  const { nodes } = model;
  const reads = new Float64Array(nodes.length);
  const writes = new Float64Array(nodes.length);
  const lag = new Float64Array(nodes.length);
  const edgeReads = nodes.map((n) => new Float64Array(n.out.length));
  const edgeWrites = nodes.map((n) => new Float64Array(n.out.length));
  const share = model.entries.length > 0 ? multiple / model.entries.length : 0;
  const writeEntries = model.writeEntries.length > 0 ? model.writeEntries : model.entries;
  const writeShare = writeEntries.length > 0 ? multiple / writeEntries.length : 0;
  for (const entry of model.entries) reads[entry]! += model.baseline.readsPerSecond * share;
  for (const entry of writeEntries) writes[entry]! += model.baseline.writesPerSecond * writeShare;

  const send = (from: number, edge: number, r: number, w: number): void => {
    const e = nodes[from]!.out[edge]!;
    edgeReads[from]![edge]! += e.async ? 0 : r;
    edgeWrites[from]![edge]! += e.async ? r + w : w;
    if (e.async) writes[e.target]! += r + w;
    else {
      reads[e.target]! += r;
      writes[e.target]! += w;
    }
  };

  const rateOf = capped ? consumerRate : () => Number.POSITIVE_INFINITY;
  for (const i of model.order) {
    const node = nodes[i]!;
    const out = node.out;
    if (out.length === 0) continue;
    const r = reads[i]!;
    const w = writes[i]!;
    switch (node.behaviour) {
      case 'source':
      case 'route':
        route(nodes, i, r, w, send);
        break;
      case 'cache':
        if (node.kind === 'cdn') route(nodes, i, r * (1 - node.hitRatio), w, send);
        else call(nodes, i, r * (1 - node.hitRatio), w, send);
        break;
      case 'store':
        call(nodes, i, 0, w, send);
        break;
      case 'queue': {
        const messages = r + w;
        const rates = out.map((e) => rateOf(nodes[e.target]!));
        const total = rates.reduce((a, b) => a + b, 0);
        const passed = Math.min(messages, total);
        lag[i] = messages - passed;
        // Competing consumers: each takes a share in proportion to its rate.
        out.forEach((_, k) => send(i, k, 0, total === Number.POSITIVE_INFINITY ? passed / out.length : (passed * rates[k]!) / total));
        break;
      }
      case 'stream': {
        const messages = r + w;
        let worst = 0;
        // Every consumer group reads the whole stream, each at its own rate.
        out.forEach((e, k) => {
          const taken = Math.min(messages, rateOf(nodes[e.target]!));
          worst = Math.max(worst, messages - taken);
          send(i, k, 0, taken);
        });
        lag[i] = worst;
        break;
      }
      case 'call':
        call(nodes, i, r, w, send);
        break;
    }
  }
  return { multiple, reads, writes, edgeReads, edgeWrites, lag };
}

type Send = (from: number, edge: number, r: number, w: number) => void;

const LOOKUP_KINDS: ReadonlySet<string> = new Set(['cache', 'database']);

/**
 * Divides reads among targets that take reads (an edge or target label saying read, or saying
 * nothing) and writes likewise; when no target claims a flow, every target shares it. A rate
 * limiter is asked about every request, so it gets all of them and takes no share; so is a
 * cache or store beside targets the router forwards to (a lookup: one read per request).
 */
function route(nodes: readonly ModelNode[], i: number, r: number, w: number, send: Send): void {
  const out = nodes[i]!.out;
  const limiters = out.flatMap((e, k) => (nodes[e.target]!.kind === 'rate-limiter' && out.length > 1 ? [k] : []));
  for (const k of limiters) send(i, k, r, w);
  // Beside targets it forwards to, a router's cache or store is looked up once per request.
  const consulted = out.some((e) => !LOOKUP_KINDS.has(nodes[e.target]!.kind)) ? out.flatMap((e, k) => (LOOKUP_KINDS.has(nodes[e.target]!.kind) && !e.async && e.flow !== 'write' ? [k] : [])) : [];
  for (const k of consulted) send(i, k, r + w, 0);
  limiters.push(...consulted);
  const flows = out.map((e, k) => (limiters.includes(k) ? 'none' : e.flow !== 'both' ? e.flow : nodes[e.target]!.labelFlow));
  const takers = (flow: 'read' | 'write'): number[] => {
    const claimed = flows.flatMap((f, k) => (f === flow || f === 'both' ? [k] : []));
    return claimed.length > 0 ? claimed : flows.flatMap((f, k) => (f === 'none' ? [] : [k]));
  };
  const readers = takers('read');
  const writers = takers('write');
  out.forEach((_, k) => {
    if (readers.includes(k) || writers.includes(k)) send(i, k, readers.includes(k) ? r / readers.length : 0, writers.includes(k) ? w / writers.length : 0);
  });
}

/**
 * Sends every target what its edge carries. A caller that also reads through a cache (cache-
 * aside) sends its stores only the misses: the best hit ratio among its caches decides.
 */
function call(nodes: readonly ModelNode[], i: number, r: number, w: number, send: Send): void {
  const out = nodes[i]!.out;
  let hit = 0;
  for (const e of out) {
    const target = nodes[e.target]!;
    if (target.kind === 'cache' && !e.async && e.flow !== 'write') hit = Math.max(hit, target.hitRatio);
  }
  out.forEach((e, k) => {
    const target = nodes[e.target]!;
    let er = e.flow === 'write' ? 0 : r;
    const ew = e.flow === 'read' ? 0 : w;
    if (hit > 0 && target.behaviour === 'store') er *= 1 - hit;
    send(i, k, er, ew);
  });
}
