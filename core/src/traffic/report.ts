/**
 * What the traffic model answers at a multiple of the design's own traffic: each component's
 * load against its capacity, what is saturated, what saturates first and at what multiple, the
 * latency of the main read and write paths, and queues whose lag grows. `simulate` gives the
 * contract shape (result.ts); `analyseTraffic` the fuller report the board's overlay draws.
 */
import type { Board } from '../board/schema';
import type { TypedTraffic } from './baseline';
import type { CapacityDefaults } from './defaults';
import { runFlow, utilisationOf, type FlowResult } from './flow';
import { prepareTraffic, type ModelNode, type PreparedTraffic } from './prepare';
import type { SimulationResult } from './result';

export interface NodeTraffic {
  id: string;
  kind: ModelNode['kind'];
  label: string;
  readsPerSecond: number;
  writesPerSecond: number;
  loadPerSecond: number;
  capacityPerSecond: number | null;
  utilisation: number | null;
  /** Messages a second a queue's consumers cannot take. */
  lagPerSecond: number;
  reached: boolean;
}

export interface PathLatency {
  name: 'read' | 'write';
  latencyMs: number;
  /** Node ids along the path, entry first. */
  hops: string[];
}

export interface TrafficReport {
  traffic: number;
  baseline: PreparedTraffic['baseline'];
  nodes: NodeTraffic[];
  bottlenecks: string[];
  firstBottleneck: { id: string; atTraffic: number } | null;
  paths: PathLatency[];
  latencyTargetMs?: number;
  warnings: string[];
}

/** Beyond this multiple the search for a first bottleneck stops: nothing of note breaks. */
export const SEARCH_CEILING = 1000;
/** Latency at or below this utilisation is the hop's typical figure; above it, queueing adds. */
const CALM = 0.5;

const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

function capacityOf(node: ModelNode, reads: number, writes: number, utilisation: number | null): number | null {
  if (utilisation === null || node.readCapacity === null || node.writeCapacity === null) return null;
  // The rate this node could take with today's mix of reads and writes.
  if (utilisation > 0) return (reads + writes) / utilisation;
  return node.behaviour === 'queue' || node.behaviour === 'stream' ? node.writeCapacity : Math.min(node.readCapacity, node.writeCapacity);
}

/** Components at or over their capacity, the fullest first (ties by id). */
function saturated(model: PreparedTraffic, flow: FlowResult): Array<{ i: number; u: number }> {
  const out: Array<{ i: number; u: number }> = [];
  model.nodes.forEach((node, i) => {
    const u = utilisationOf(node, flow.reads[i]!, flow.writes[i]!);
    if (u !== null && u >= 1 - 1e-9) out.push({ i, u });
  });
  return out.sort((a, b) => b.u - a.u || (model.nodes[a.i]!.id < model.nodes[b.i]!.id ? -1 : 1));
}

const firstCache = new WeakMap<PreparedTraffic, { id: string; atTraffic: number } | null>();

/**
 * The smallest multiple at which some component is full. Run once with queues passing
 * everything on, every load is proportional to traffic, so each component fills at 1 / its
 * utilisation at 1×. That is also the answer with queues capping their consumers: below the
 * first saturation no consumer is full, so no cap binds and the loads are the same.
 */
export function firstBottleneck(model: PreparedTraffic): { id: string; atTraffic: number } | null {
  const cached = firstCache.get(model);
  if (cached !== undefined) return cached;
  const flow = runFlow(model, 1, false);
  let best = Number.POSITIVE_INFINITY;
  let bestIndex = -1;
  model.nodes.forEach((node, i) => {
    const u = utilisationOf(node, flow.reads[i]!, flow.writes[i]!);
    if (u === null || u <= 0) return;
    // Ties go to the lower id, so the answer never depends on the board's order.
    if (1 / u < best * (1 - 1e-12) || (1 / u <= best * (1 + 1e-12) && node.id < model.nodes[bestIndex]!.id)) {
      best = 1 / u;
      bestIndex = i;
    }
  });
  const answer = bestIndex >= 0 && best <= SEARCH_CEILING ? { id: model.nodes[bestIndex]!.id, atTraffic: Number(best.toPrecision(4)) } : null;
  firstCache.set(model, answer);
  return answer;
}

/**
 * The main path of one flow: from the entry (for deliveries, the fan-out), always along the edge that carries the most of it,
 * to where it ends or is handed to a queue. Expected latency: hops after a cache count only for
 * its misses; a hop above half its capacity waits in line (M/M/1-style growth, capped at 10×).
 */
function pathOf(model: PreparedTraffic, flow: FlowResult, name: 'read' | 'write'): PathLatency | undefined {
  const amounts = name === 'read' ? flow.edgeReads : flow.edgeWrites;
  const arriving = name === 'read' ? flow.reads : flow.writes;
  // Deliveries start where the design fans out, so their path does too.
  const starts = name === 'write' && model.writeEntries.length > 0 ? model.writeEntries : model.entries;
  let at = starts.reduce((best, i) => (arriving[i]! > (arriving[best] ?? -1) ? i : best), starts[0] ?? -1);
  if (at < 0 || arriving[at]! <= 0) return undefined;
  const seen = new Set<number>();
  const hops: string[] = [];
  let latency = 0;
  let weight = 1;
  while (at >= 0 && !seen.has(at)) {
    seen.add(at);
    const node = model.nodes[at]!;
    hops.push(node.id);
    const u = utilisationOf(node, flow.reads[at]!, flow.writes[at]!) ?? 0;
    latency += weight * node.latencyMs * Math.min(10, Math.max(1, (1 - CALM) / (1 - Math.min(u, 0.95))));
    if (node.behaviour === 'queue' || node.behaviour === 'stream') break;
    if (name === 'read' && node.behaviour === 'cache') weight *= 1 - node.hitRatio;
    let next = -1;
    let most = 0;
    // A write is answered when its store has it: a cache beside the store only gets invalidated.
    const skipCaches = name === 'write' && node.out.some((e, k) => !e.async && amounts[at]![k]! > 0 && model.nodes[e.target]!.behaviour !== 'cache');
    node.out.forEach((e, k) => {
      const amount = amounts[at]![k]!;
      if (!e.async && amount > most && !(skipCaches && model.nodes[e.target]!.behaviour === 'cache')) {
        most = amount;
        next = e.target;
      }
    });
    at = next;
  }
  return { name, latencyMs: round(latency, 1), hops };
}

/** The full report at a multiple of the baseline, from a prepared model. */
export function analyseTraffic(model: PreparedTraffic, multiple: number): TrafficReport {
  const flow = runFlow(model, multiple);
  const warnings = [...model.warnings];
  const nodes: NodeTraffic[] = model.nodes.map((node, i) => {
    const reads = flow.reads[i]!;
    const writes = flow.writes[i]!;
    const utilisation = utilisationOf(node, reads, writes);
    const lag = flow.lag[i]!;
    if (lag > 0.5) {
      const consumed = reads + writes - lag;
      warnings.push(
        `"${node.label.trim() || node.id}": consumers take ${fmt(consumed)} of ${fmt(reads + writes)} messages a second; the backlog grows by ${fmt(lag)} a second (${fmt(lag * 3600)} an hour).`,
      );
    }
    return {
      id: node.id,
      kind: node.kind,
      label: node.label,
      readsPerSecond: round(reads),
      writesPerSecond: round(writes),
      loadPerSecond: round(reads + writes),
      capacityPerSecond: (() => {
        const c = capacityOf(node, reads, writes, utilisation);
        return c === null ? null : round(c);
      })(),
      utilisation: utilisation === null ? null : round(utilisation, 4),
      lagPerSecond: round(lag),
      reached: node.reached,
    };
  });
  const paths = (['read', 'write'] as const).flatMap((name) => pathOf(model, flow, name) ?? []);
  return {
    traffic: multiple,
    baseline: model.baseline,
    nodes,
    bottlenecks: saturated(model, flow).map((s) => model.nodes[s.i]!.id),
    firstBottleneck: firstBottleneck(model),
    paths,
    ...(model.latencyTargetMs !== undefined ? { latencyTargetMs: model.latencyTargetMs } : {}),
    warnings,
  };
}

/** A rate for messages: 1,234 or 12k or 3.4M. */
export function fmt(n: number): string {
  if (n >= 1e6) return `${round(n / 1e6, 1)}M`;
  if (n >= 1e4) return `${round(n / 1e3, 0)}k`;
  if (n >= 1e3) return `${round(n / 1e3, 1)}k`;
  return String(round(n, n < 10 ? 2 : 0));
}

/** The contract answer for a board at `traffic` times its own estimate (or typed traffic). */
export function simulate(board: Board, defaults: CapacityDefaults, options: { traffic?: number; typed?: TypedTraffic } = {}): SimulationResult {
  const report = analyseTraffic(prepareTraffic(board, defaults, options.typed), options.traffic ?? 1);
  return {
    traffic: report.traffic,
    baseline: { readsPerSecond: report.baseline.readsPerSecond, writesPerSecond: report.baseline.writesPerSecond, source: report.baseline.source },
    nodes: report.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, loadPerSecond: n.loadPerSecond, capacityPerSecond: n.capacityPerSecond, utilisation: n.utilisation })),
    bottlenecks: report.bottlenecks,
    firstBottleneck: report.firstBottleneck,
    paths: report.paths.map((p) => ({ name: p.name, latencyMs: p.latencyMs })),
    warnings: report.warnings,
  };
}
