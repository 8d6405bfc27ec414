/** `designroom simulate FILE.md [--traffic N] [--json]`: the traffic model on a design doc. */
import { fmt, parseTrafficMultiple, simulate, simulationResultSchema, TRAFFIC_LIMITS, type SimulationResult } from '../../../core/src/traffic/index';
import { readLatencyTarget } from '../../../core/src/traffic/baseline';
import { CliError, EXIT } from './errors';
import { loadDesign, loadLibrary } from './load';
import type { CommandOutput } from './review';

export interface SimulateOptions {
  file: string;
  json: boolean;
  /** The --traffic value as typed; undefined for 1×. */
  traffic?: string;
}

export async function simulateCommand(options: SimulateOptions): Promise<CommandOutput> {
  let traffic = 1;
  if (options.traffic !== undefined) {
    const parsed = parseTrafficMultiple(options.traffic);
    if (parsed === undefined) throw new CliError(`--traffic must be a number from ${TRAFFIC_LIMITS.min} to ${TRAFFIC_LIMITS.max}, e.g. --traffic 10`, EXIT.usage);
    traffic = parsed;
  }
  const library = await loadLibrary();
  const defaults = library.rubrics.capacity;
  if (!defaults) throw new CliError('the rubrics have no traffic capacity defaults (capacity.yaml)', EXIT.badInput);
  const design = await loadDesign(options.file, { requirePrompt: false });
  // The contract is the output: validate before printing, as for reviews.
  const result = simulationResultSchema.parse(simulate(design.board, defaults, { traffic }));
  result.warnings.push(...design.warnings.map((w) => `design doc ${w}`));
  return {
    stdout: options.json ? `${JSON.stringify(result, null, 2)}\n` : formatSimulation(result, options.file, readLatencyTarget(design.board)),
    stderr: '',
    code: EXIT.ok,
  };
}

const use = (n: SimulationResult['nodes'][number]): string => (n.kind === 'client' ? 'source' : n.utilisation === null ? 'scales out' : `${Math.round(n.utilisation * 100)} %`);

/** The readable answer: traffic and its source, a table of components, what breaks first. */
export function formatSimulation(result: SimulationResult, file: string, targetMs: number | undefined): string {
  const out: string[] = [];
  const name = (id: string) => {
    const node = result.nodes.find((n) => n.id === id);
    return node ? `"${node.label.trim() || id}" (${id})` : id;
  };
  out.push(`Traffic model of ${file} at ${result.traffic}×`);
  out.push(`Baseline: ${fmt(result.baseline.readsPerSecond)} reads/s, ${fmt(result.baseline.writesPerSecond)} writes/s — ${result.baseline.source}`);
  out.push('');
  const rows = result.nodes.map((n) => [`${n.label.trim() || n.id} (${n.id})`, n.kind, fmt(n.loadPerSecond), n.capacityPerSecond === null ? '—' : fmt(n.capacityPerSecond), use(n)]);
  const header = ['component', 'kind', 'load/s', 'capacity/s', 'use'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows]) out.push(`  ${row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`);
  out.push('');
  out.push(result.bottlenecks.length > 0 ? `Saturated at ${result.traffic}×: ${result.bottlenecks.map(name).join(', ')}` : `Nothing is saturated at ${result.traffic}×.`);
  out.push(
    result.firstBottleneck
      ? `First to saturate: ${name(result.firstBottleneck.id)} at ${result.firstBottleneck.atTraffic}× the baseline`
      : 'Nothing saturates below 1000× the baseline.',
  );
  if (result.paths.length > 0) {
    const target = targetMs === undefined ? '' : ` (target ${targetMs} ms)`;
    out.push(`Latency: ${result.paths.map((p) => `${p.name} path ${p.latencyMs} ms`).join(', ')}${target}`);
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push('Warnings:');
    for (const w of result.warnings) out.push(`  - ${w}`);
  }
  return `${out.join('\n')}\n`;
}
