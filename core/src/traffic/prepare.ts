/**
 * The static half of the traffic model, built once per board: every component's capacity
 * (defaults, engine, instances, overrides), how it passes traffic on, which way each edge
 * carries reads and writes, where traffic enters, and an order to push it through in. Cycles
 * are cut at their back edge and reported; parts no client reaches are reported. Running the
 * flow at any multiple (flow.ts) then costs one pass over this, so a slider stays smooth.
 */
import type { NodeKind } from '../board/kinds';
import type { Board, BoardNode } from '../board/schema';
import { labelWords } from '../designdoc/kinds';
import { readBaseline, readLatencyTarget, type Baseline, type TypedTraffic } from './baseline';
import { DECOR_KINDS, type CapacityDefaults, type EngineDefault, type Scaling } from './defaults';
import { SECTION_TITLES, type SectionId } from '../board/sections';
import { readNodeScale, type Mention } from './scale';

/**
 * How a component passes traffic on. `route` divides it among its targets (a load balancer),
 * `call` sends each target its share of reads and writes (a service calling its stores),
 * `cache` answers a share of reads and passes the rest on, `queue` and `stream` turn everything
 * into messages delivered at most at their consumers' rate (a queue's consumers compete, each
 * consumer of a stream reads everything), `store` passes only its writes on (replication, CDC).
 */
export type Behaviour = 'source' | 'route' | 'call' | 'cache' | 'queue' | 'stream' | 'store';
export type EdgeFlow = 'read' | 'write' | 'both';

const BEHAVIOUR: Record<NodeKind, Behaviour> = {
  client: 'source',
  dns: 'route',
  cdn: 'cache',
  'load-balancer': 'route',
  'api-gateway': 'route',
  service: 'call',
  worker: 'call',
  scheduler: 'call',
  'rate-limiter': 'call',
  external: 'call',
  other: 'call',
  database: 'store',
  'object-storage': 'store',
  search: 'store',
  cache: 'cache',
  queue: 'queue',
  stream: 'stream',
  note: 'call',
  group: 'call',
};

/** Stateful kinds: replicas add read capacity only, writes still land on every copy. */
const STATEFUL: ReadonlySet<NodeKind> = new Set(['database', 'object-storage', 'search', 'cache']);

export interface ModelEdge {
  id: string;
  target: number;
  flow: EdgeFlow;
  async: boolean;
}

export interface ModelNode {
  id: string;
  kind: NodeKind;
  label: string;
  behaviour: Behaviour;
  scaling: Scaling;
  /** Total reads and writes a second the component takes; null when it scales out without limit. */
  readCapacity: number | null;
  writeCapacity: number | null;
  hitRatio: number;
  latencyMs: number;
  /** Which engine's figures apply, if a label or the inspector named one. */
  engine?: string;
  /** How the capacity was arrived at, for people: "3 replicas (label)", "PostgreSQL defaults". */
  basis: string[];
  /** Where the default figures come from (the data file's `source`). */
  source: string;
  out: ModelEdge[];
  /** Whether traffic from an entry reaches it. */
  reached: boolean;
  /** The flow its label suggests it serves ("Redirect service": reads), for routers choosing targets. */
  labelFlow: EdgeFlow;
}

export interface PreparedTraffic {
  nodes: ModelNode[];
  index: ReadonlyMap<string, number>;
  /** Entry nodes, by index. */
  entries: number[];
  /**
   * Where the baseline's writes enter when they count deliveries: the components the design
   * says fan requests out. Empty means the writes enter with the reads, at the entries.
   */
  writeEntries: number[];
  /** Reached nodes in an order where every (non-cycle) edge goes forward. */
  order: number[];
  baseline: Baseline;
  latencyTargetMs?: number;
  warnings: string[];
}

const READ_EDGE = /\b(reads?|get|gets|lookups?|look up|quer(?:y|ies)|fetch(?:es)?|redirects?|miss(?:es)?|search(?:es)?|read[- ]through|resolve)\b/i;
const WRITE_EDGE = /\b(writes?|inserts?|updates?|creates?|put|post|delete|persist|store|save|append|enqueue|produce|upsert|write[- ]through|commit)\b/i;
const READ_TARGET = /\b(read|reads|reader|redirect|redirects|query|queries|search|catalog|catalogue|browse|feed|timeline|view|views|lookup|resolver)\b/i;
const WRITE_TARGET = /\b(write|writes|writer|create|creation|ingest|ingestion|upload|uploads|order|orders|checkout|post|posts|publish|shorten|shortener|payment|payments|command)\b/i;

/** A service whose label says it sends each request to one of its targets, not all of them. */
const ROUTER_LABEL = /\b(router|dispatcher|splitter|proxy|balancer)\b/i;
/** A box of several topics or queues ("High-priority topics"): one per consumer, so they divide. */
const QUEUE_GROUP_LABEL = /\b(topics|queues)\b/i;

function behaviourOf(node: BoardNode): Behaviour {
  const base = BEHAVIOUR[node.kind];
  if (base !== 'call') return base;
  if (QUEUE_GROUP_LABEL.test(node.label)) return 'queue';
  return ROUTER_LABEL.test(node.label) ? 'route' : base;
}

function flowFrom(text: string, read: RegExp, write: RegExp): EdgeFlow {
  const r = read.test(text);
  const w = write.test(text);
  return r === w ? 'both' : r ? 'read' : 'write';
}

const engineWords = new WeakMap<readonly EngineDefault[], Array<[EngineDefault, string[][]]>>();

function engineFor(node: BoardNode, engines: readonly EngineDefault[]): EngineDefault | undefined {
  let compiled = engineWords.get(engines);
  if (!compiled) {
    compiled = engines.map((e) => [e, e.match.map((m) => labelWords(m))]);
    engineWords.set(engines, compiled);
  }
  // Both readings, as for kinds: "ClickHouse" is two words split and one name whole.
  const text = `${node.label} ${node.props.engine ?? ''}`;
  const words = new Set([...labelWords(text), ...labelWords(text, false)]);
  return compiled.find(([e, phrases]) => e.kinds.includes(node.kind) && phrases.some((phrase) => phrase.every((w) => words.has(w))))?.[0];
}

/** Words too common on diagrams to tie a sentence to one box. */
const GENERIC_WORDS = new Set([
  'service', 'server', 'cluster', 'db', 'database', 'cache', 'queue', 'topic', 'stream', 'primary', 'store', 'storage', 'api',
  'layer', 'tier', 'pool', 'the', 'and', 'for', 'with', 'node', 'worker', 'app', 'web', 'data', 'main', 'new',
]);

/** A sentence that can size a component says a number. */
const SIZE_SENTENCE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b/i;
/** A sentence that says a component turns one request into many ("expands segments", "fans out"). */
const FAN_OUT = /\b(?:expands?|expanding|fans? (?:it |them |each \w+ )?out|fan-?out|one (?:message|notification|job|task|event|row) (?:per|for each)|for each (?:recipient|user|follower|subscriber|device))\b/i;

/**
 * Sentences of the sections that name exactly one node, by node id: a word of its label that no
 * other node's label has ("Cassandra", "Orders" in "Orders Postgres"), so an ambiguous sentence
 * sizes nothing.
 */
function mentionsByNode(board: Board, wanted: RegExp = SIZE_SENTENCE): Map<string, Mention[]> {
  const owners = new Map<string, string[]>();
  for (const node of board.nodes) {
    if (DECOR_KINDS.has(node.kind)) continue;
    for (const word of new Set(labelWords(node.label))) {
      if (word.length < 3 || GENERIC_WORDS.has(word) || /^\d+$/.test(word)) continue;
      const list = owners.get(word);
      if (list) list.push(node.id);
      else owners.set(word, [node.id]);
    }
  }
  const out = new Map<string, Mention[]>();
  for (const [id, text] of Object.entries(board.sections) as Array<[SectionId, string]>) {
    for (const sentence of text.split(/\r?\n|\.\s+(?=[A-Z])/)) {
      if (!wanted.test(sentence)) continue;
      const named = new Set<string>();
      for (const word of labelWords(sentence)) {
        const list = owners.get(word);
        if (list?.length === 1) named.add(list[0] as string);
      }
      for (const nodeId of named) {
        const mention = { text: sentence, where: `${SECTION_TITLES[id]} section` };
        const list = out.get(nodeId);
        if (list) list.push(mention);
        else out.set(nodeId, [mention]);
      }
    }
  }
  return out;
}

function modelNode(node: BoardNode, defaults: CapacityDefaults, warnings: string[], mentions: readonly Mention[]): ModelNode {
  const base = defaults.kinds[node.kind];
  if (!base) throw new Error(`no capacity default for kind "${node.kind}"`);
  const engine = engineFor(node, defaults.engines);
  const scale = readNodeScale(node, warnings, mentions);
  const perRead = scale.readCapacity ?? scale.capacity ?? engine?.readsPerSecond ?? engine?.opsPerSecond ?? base.readsPerSecond ?? base.opsPerSecond ?? 0;
  const perWrite = scale.writeCapacity ?? scale.capacity ?? engine?.writesPerSecond ?? engine?.opsPerSecond ?? base.writesPerSecond ?? base.opsPerSecond ?? 0;
  const stated = scale.instances !== undefined || scale.replicas !== undefined || scale.shards !== undefined || scale.capacity !== undefined || scale.readCapacity !== undefined || scale.writeCapacity !== undefined;
  const instances = scale.instances ?? 1;
  const shards = scale.shards ?? 1;
  const replicas = scale.replicas ?? 1;
  const stateful = STATEFUL.has(node.kind);
  const bounded = base.scaling === 'fixed' || (base.scaling === 'elastic' && stated);
  const basis = [...scale.found];
  if (base.scaling === 'elastic' && !stated) basis.push('scales out (no instance count written)');
  if (engine) basis.push(`${engine.id} figures`);
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    behaviour: behaviourOf(node),
    scaling: base.scaling,
    readCapacity: bounded ? perRead * instances * shards * replicas : null,
    writeCapacity: bounded ? perWrite * instances * shards * (stateful ? 1 : replicas) : null,
    hitRatio: scale.hitRatio ?? engine?.hitRatio ?? base.hitRatio ?? 0,
    latencyMs: engine?.latencyMs ?? base.latencyMs,
    ...(engine ? { engine: engine.id } : {}),
    basis,
    source: engine?.source ?? base.source,
    out: [],
    reached: false,
    labelFlow: flowFrom(node.label, READ_TARGET, WRITE_TARGET),
  };
}

function names(nodes: readonly ModelNode[], ids: readonly number[], max = 5): string {
  const shown = ids.slice(0, max).map((i) => `"${nodes[i]?.label.trim() || nodes[i]?.id}"`);
  return ids.length > max ? `${shown.join(', ')} and ${ids.length - max} more` : shown.join(', ');
}

/** Builds the model of a board. Pure; never throws on a board that passed the board schema. */
export function prepareTraffic(board: Board, defaults: CapacityDefaults, typed?: TypedTraffic): PreparedTraffic {
  const warnings: string[] = [];
  const nodes: ModelNode[] = [];
  const index = new Map<string, number>();
  const mentions = mentionsByNode(board);
  for (const node of board.nodes) {
    if (DECOR_KINDS.has(node.kind) || index.has(node.id)) continue;
    index.set(node.id, nodes.length);
    nodes.push(modelNode(node, defaults, warnings, mentions.get(node.id) ?? []));
  }
  const indegree = new Array<number>(nodes.length).fill(0);
  for (const edge of board.edges) {
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    nodes[from]!.out.push({ id: edge.id, target: to, flow: flowFrom(edge.label, READ_EDGE, WRITE_EDGE), async: edge.mode === 'async' });
    indegree[to]!++;
  }

  let entries = nodes.flatMap((n, i) => (n.behaviour === 'source' && n.out.length > 0 ? [i] : []));
  if (entries.length === 0) {
    entries = nodes.flatMap((n, i) => (indegree[i] === 0 && n.out.length > 0 && (n.behaviour === 'route' || n.behaviour === 'call') ? [i] : []));
    // They stand for whoever calls the system, so their own capacity is not what is asked about.
    for (const i of entries) Object.assign(nodes[i]!, { readCapacity: null, writeCapacity: null, basis: ['entry point: stands for the callers'] });
    if (entries.length > 0) warnings.push(`No client is drawn with an arrow out of it, so traffic enters at ${names(nodes, entries)}, taken to be the callers.`);
    else if (nodes.length > 0) warnings.push('No client (or other entry point) with an arrow out of it: no traffic reaches any component.');
  }

  const order = orderFrom(nodes, entries, warnings);
  for (const i of order) nodes[i]!.reached = true;
  const unreached = nodes.flatMap((n, i) => (!n.reached && n.behaviour !== 'source' ? [i] : []));
  if (unreached.length > 0 && entries.length > 0) {
    warnings.push(`Not connected to a client, so no traffic reaches ${names(nodes, unreached)}.`);
  }

  const baseline = readBaseline(board, defaults, typed, warnings);
  const writeEntries = baseline.deliveries ? fanOuts(board, index, nodes, warnings) : [];
  const latencyTargetMs = readLatencyTarget(board);
  return { nodes, index, entries, writeEntries, order, baseline, ...(latencyTargetMs !== undefined ? { latencyTargetMs } : {}), warnings };
}

/**
 * The reached components the design says fan requests out, in their notes or in a sentence
 * naming them alone ("The router expands segments ... one message per (user, channel)").
 * Deliveries are counted after them, so the estimate's delivery rate starts there.
 */
function fanOuts(board: Board, index: ReadonlyMap<string, number>, nodes: readonly ModelNode[], warnings: string[]): number[] {
  const said = mentionsByNode(board, FAN_OUT);
  const found = board.nodes.flatMap((node) => {
    const i = index.get(node.id);
    return i !== undefined && nodes[i]!.reached && (FAN_OUT.test(node.notes) || said.has(node.id)) ? [i] : [];
  });
  if (found.length > 0) {
    warnings.push(`The estimate counts deliveries, which begin at ${names(nodes, found)}, where the design fans requests out; components before it carry no estimated writes (requests into them are not stated).`);
  }
  return found;
}

/**
 * Depth-first from the entries (iteratively: a long chain must not overflow the stack). An edge
 * back to a node still on the stack closes a cycle: it is dropped from the flow, so traffic goes
 * around once, and reported. The reverse post-order is a topological order of what is left.
 */
function orderFrom(nodes: ModelNode[], entries: readonly number[], warnings: string[]): number[] {
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the stack, 2 done
  const post: number[] = [];
  const cycles: string[] = [];
  for (const entry of entries) {
    if (state[entry] !== 0) continue;
    const stack: Array<[number, number]> = [[entry, 0]];
    const path: number[] = [entry];
    state[entry] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const node = nodes[top[0]]!;
      if (top[1] < node.out.length) {
        const edge = node.out[top[1]++]!;
        if (state[edge.target] === 0) {
          state[edge.target] = 1;
          stack.push([edge.target, 0]);
          path.push(edge.target);
        } else if (state[edge.target] === 1) {
          const loop = path.slice(path.indexOf(edge.target)).map((i) => nodes[i]!.label.trim() || nodes[i]!.id);
          cycles.push([...loop, loop[0]].join(' → '));
          node.out = node.out.filter((e) => e !== edge);
          top[1]--;
        }
      } else {
        state[top[0]] = 2;
        post.push(top[0]);
        stack.pop();
        path.pop();
      }
    }
  }
  for (const cycle of cycles) warnings.push(`Cycle ${cycle}: traffic is followed once around it, not again and again.`);
  return post.reverse();
}
