/**
 * `npm run bench -- sync [--rooms 250,500] [--clients 2] [--rate 5] [--seconds 15]
 *                        [--storage sqlite|postgres] [--nodes 1|2] [--spread client|room] [--pin] [--workers 2]
 *                        [--repeat N] [--profile DIR] [--yjs-floor] [--durable-floor]`
 *
 * The real server (SQLite with durability on, or PostgreSQL; one node, or two behind Redis)
 * and, in the same run, a bare Socket.IO relay (bench/sync-relay.ts), each driven by the
 * same load processes (bench/sync-load-worker.ts) sending the same kind of edits. Per level:
 * edits/s, send-to-peer latency percentiles, lost and duplicated edits, server CPU (the whole
 * process, and its main thread alone) and RSS, and the ratio to the relay. With `--yjs-floor`
 * a third row runs the relay with a Y.Doc per room (the floor of any Yjs server: see
 * bench/sync-relay.ts); with `--durable-floor` one more runs it storing each update in SQLite
 * before sending it on (the floor of a durable one). With `--repeat N` each level runs N
 * times, relay and server alternating with fresh processes, and a median row follows (this
 * machine's runs spread more than most changes move them). Ends with one summary line for the
 * last level (medians when repeated). Prints figures; never passes or fails.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createSession, type CreatedSession } from '../tests/support/board-client';
import { START_NODE_FLAGS, startServer, type RunningServer } from '../tests/support/server';
import type { WorkerInput, WorkerOutput } from './sync-load-worker';

interface Options {
  rooms: number[];
  clients: number;
  rate: number;
  seconds: number;
  storage: 'sqlite' | 'postgres';
  nodes: number;
  workers: number;
  /** With several nodes: every client of a room on the same node (`room`, as nginx hashing on the session does) or a room's clients on different nodes (`client`, the worst case). */
  spread: 'room' | 'client';
  /**
   * Pin the server (or relay) to core 0 and the load processes to the other cores (`taskset`),
   * so the two do not take turns on the same core: without it, run-to-run spread at 500 rooms
   * was larger than any effect worth measuring. One node only.
   */
  pin: boolean;
  /** Runs per level; the rows are followed by their median. */
  repeat: number;
  /** Directory for V8 CPU profiles (`--cpu-prof`) of the server processes and of the relays beside them. */
  profile?: string;
  /** Also drive the relay that applies every update to a Y.Doc per room (bench/sync-relay.ts --yjs). */
  yjsFloor: boolean;
  /** Also drive that relay storing every update in SQLite before sending it on (bench/sync-relay.ts --durable). */
  durableFloor: boolean;
}

function parse(args: string[]): Options {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    rooms: (get('rooms') ?? '250,500').split(',').map(Number),
    clients: Number(get('clients') ?? 2),
    rate: Number(get('rate') ?? 5),
    seconds: Number(get('seconds') ?? 15),
    storage: get('storage') === 'postgres' ? 'postgres' : 'sqlite',
    nodes: Number(get('nodes') ?? 1),
    workers: Number(get('workers') ?? 2),
    spread: get('spread') === 'room' ? 'room' : 'client',
    pin: args.includes('--pin'),
    repeat: Math.max(1, Number(get('repeat') ?? 1)),
    profile: get('profile'),
    yjsFloor: args.includes('--yjs-floor'),
    durableFloor: args.includes('--durable-floor'),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds (user + system) of a process so far, from /proc. */
function cpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU seconds of a process's main thread alone (its event loop): what an edit waits behind. */
function loopCpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuSeconds(file: string): number {
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

interface LevelResult {
  editsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  lost: number;
  dup: number;
  refused: Record<string, number>;
  cpuPercent: number;
  /** Server CPU time per edit sent, in ms: what decides how many edits a core can carry. */
  cpuMsPerEdit: number;
  /** The same for the servers' main threads only (the event loops, without the checkpoint and rules threads). */
  loopCpuMsPerEdit: number;
  rssMb: number;
  /** The load processes' own CPU per edit (ms): if it nears the server's, the generator limits the run. */
  loadCpuMsPerEdit: number;
  /** The servers' garbage-collection pauses inside the measured window (bench/gc-probe.mjs). */
  gc: GcPauses;
  /** Live checklist refreshes per second over all rooms, counted at the interviewers' clients. */
  refreshesPerSecond: number;
}

interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Asks each process for its GC pauses (SIGUSR2, bench/gc-probe.mjs) and keeps those inside the window. */
async function gcPauses(pids: number[], from: number, to: number): Promise<GcPauses> {
  const result: GcPauses = { count: 0, totalMs: 0, maxMs: 0 };
  for (const pid of pids) {
    const file = path.join(gcProbeDir(), `${pid}.json`);
    rmSync(file, { force: true });
    process.kill(pid, 'SIGUSR2');
    for (let waited = 0; !existsSync(file) && waited < 3000; waited += 20) await sleep(20);
    if (!existsSync(file)) continue;
    const pauses = JSON.parse(readFileSync(file, 'utf8')) as [number, number, number][];
    for (const [at, ms] of pauses) {
      if (at < from || at > to) continue;
      result.count++;
      result.totalMs += ms;
      result.maxMs = Math.max(result.maxMs, ms);
    }
  }
  return result;
}

async function drive(
  pids: number[],
  input: Omit<WorkerInput, 'rooms'>,
  rooms: WorkerInput['rooms'],
  workers: number,
  pinCores?: string,
): Promise<LevelResult> {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, pids.reduce((sum, pid) => sum + rssMb(pid), 0));
  }, 500);
  // The servers' CPU over the measured window only (opened by the first load process to
  // start measuring, closed by the first to stop): setup and draining are not per-edit work.
  const serverCpu = () => pids.map(cpuSeconds).reduce((a, b) => a + b, 0);
  const loopCpu = () => pids.map(loopCpuSeconds).reduce((a, b) => a + b, 0);
  const window: { cpu0?: number; loop0?: number; t0?: number; cpu?: number; loop?: number; seconds?: number; t1?: number } = {};
  const onMark = (mark: string) => {
    if (mark === 'measure-start' && window.t0 === undefined) Object.assign(window, { cpu0: serverCpu(), loop0: loopCpu(), t0: Date.now() });
    if (mark === 'measure-end' && window.t0 !== undefined && window.cpu === undefined) {
      window.cpu = serverCpu() - window.cpu0!;
      window.loop = loopCpu() - window.loop0!;
      window.t1 = Date.now();
      window.seconds = (window.t1 - window.t0) / 1000;
    }
  };
  const outputs = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const mine = rooms.filter((_, i) => i % workers === w);
      return runWorker({ ...input, rooms: mine }, onMark, pinCores);
    }),
  );
  clearInterval(sampler);
  const cpu = window.cpu ?? NaN;
  const seconds = window.seconds ?? NaN;
  const latencies = outputs.flatMap((o) => o.latencies).sort((a, b) => a - b);
  const sent = outputs.reduce((s, o) => s + o.sent, 0);
  const measuredSent = outputs.reduce((s, o) => s + o.measuredSent, 0);
  const refused: Record<string, number> = {};
  for (const o of outputs) for (const [code, n] of Object.entries(o.refused)) refused[code] = (refused[code] ?? 0) + n;
  return {
    editsPerSecond: sent / ((input.warmupMs + input.measureMs) / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    lost: outputs.reduce((s, o) => s + o.lost, 0),
    dup: outputs.reduce((s, o) => s + o.dup, 0),
    refused,
    cpuPercent: (cpu / seconds) * 100,
    cpuMsPerEdit: (cpu * 1000) / Math.max(1, measuredSent),
    loopCpuMsPerEdit: ((window.loop ?? NaN) * 1000) / Math.max(1, measuredSent),
    rssMb: peakRss,
    loadCpuMsPerEdit: outputs.reduce((s, o) => s + o.cpuMsPerEdit, 0) / outputs.length,
    gc: await gcPauses(pids, window.t0 ?? 0, window.t1 ?? 0),
    refreshesPerSecond: outputs.reduce((sum, o) => sum + o.reviewerRefreshes, 0) / (input.measureMs / 1000),
  };
}

/** Restricts a process and all its threads to the given cores (`taskset` syntax: "0", "1-3"). */
function pinTo(pid: number, cores: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

function runWorker(input: WorkerInput, onMark: (mark: string) => void, pinCores?: string): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sync-load-worker.ts', JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (pinCores) pinTo(child.pid!, pinCores);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      for (const mark of text.match(/^measure-(start|end)$/gm) ?? []) onMark(mark);
      out += text;
    });
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(line) as WorkerOutput);
      } catch (error) {
        reject(new Error(`load worker failed (${(error as Error).message}): ${out.slice(-300)}`));
      }
    });
  });
}

async function startRelay(
  kind: 'bare' | 'yjs' | 'durable' = 'bare',
  profileArgs: string[] = [],
): Promise<{ url: string; pid: number; child: ChildProcess }> {
  // The floors get the server's Node flags (its young generation), so the rows differ only in code.
  const flags = kind === 'bare' ? [] : START_NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, ...GC_PROBE, ...profileArgs, '--import', 'tsx', 'bench/sync-relay.ts', ...(kind === 'bare' ? [] : [`--${kind}`])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_GC_PROBE_DIR: gcProbeDir() },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /relay on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

const f = (ms: number) => ms.toFixed(1);

const GC_PROBE = ['--import', './bench/gc-probe.mjs'];
let probeDir: string | undefined;
/** Where the GC probes write, made on first use: importing this file (bench/run.ts does) leaves nothing behind. */
const gcProbeDir = (): string => (probeDir ??= mkdtempSync(path.join(tmpdir(), 'designroom-gc-probe-')));

/** One run of one level: fresh server(s) and relay, the relay driven first, then the server. */
async function runLevel(
  options: Options,
  env: Record<string, string>,
  roomCount: number,
  progress: (step: string) => void,
): Promise<LevelRun> {
  const servers: RunningServer[] = [];
  const profileArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [];
  const nodeArgs = [...GC_PROBE, ...profileArgs, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  for (let n = 0; n < options.nodes; n++) servers.push(await startServer({ env, nodeArgs }));
  // Every process is profiled, so the server's profile can be set against its floors'.
  const relay = await startRelay('bare', profileArgs);
  const floor = options.yjsFloor ? await startRelay('yjs', profileArgs) : null;
  const durableFloor = options.durableFloor ? await startRelay('durable', profileArgs) : null;
  const pin = options.pin && options.nodes === 1 && cpus().length > 1;
  const loadCores = pin ? `1-${cpus().length - 1}` : undefined;
  if (pin) for (const pid of [relay.pid, servers[0]!.pid, ...(floor ? [floor.pid] : []), ...(durableFloor ? [durableFloor.pid] : [])]) pinTo(pid, '0');
  try {
    progress('creating sessions');
    const sessions: CreatedSession[] = [];
    for (let i = 0; i < roomCount; i++) sessions.push(await createSession(servers[0]!.url));
    const roles = ['candidate', 'interviewer'] as const;
    const rooms = sessions.map((s) => ({
      sessionId: s.id,
      tokens: Array.from({ length: options.clients }, (_, i) => s.tokens[roles[i % 2]!]),
    }));
    const timing = { ratePerClient: options.rate, warmupMs: 3000, measureMs: options.seconds * 1000, drainMs: 30_000 };
    progress('driving the relay');
    const base = await drive([relay.pid], { url: relay.url, ...timing }, rooms, options.workers, loadCores);
    let yjs: LevelResult | undefined;
    if (floor) {
      progress('driving the relay with Yjs');
      yjs = await drive([floor.pid], { url: floor.url, ...timing }, rooms, options.workers, loadCores);
    }
    let stored: LevelResult | undefined;
    if (durableFloor) {
      progress('driving the relay with Yjs and SQLite');
      stored = await drive([durableFloor.pid], { url: durableFloor.url, ...timing }, rooms, options.workers, loadCores);
    }
    progress('driving the server');
    const real = await drive(
      servers.map((s) => s.pid),
      { url: servers[0]!.url, urls: servers.map((s) => s.url), ...timing },
      options.spread === 'room' ? rooms.map((room, i) => ({ ...room, url: servers[i % servers.length]!.url })) : rooms,
      options.workers,
      loadCores,
    );
    return { relay: base, yjs, stored, server: real };
  } finally {
    relay.child.kill('SIGTERM');
    floor?.child.kill('SIGTERM');
    durableFloor?.child.kill('SIGTERM');
    for (const s of servers) await s.stop();
  }
}

interface LevelRun {
  relay: LevelResult;
  /** The relay with a Y.Doc per room, when `--yjs-floor` asked for it. */
  yjs?: LevelResult;
  /** That relay storing before sending, when `--durable-floor` asked for it. */
  stored?: LevelResult;
  server: LevelResult;
}

const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

/** Each figure's median over the runs, taken on its own (the row is not one of the runs). */
function medianResult(runs: LevelResult[]): LevelResult {
  const m = (pick: (r: LevelResult) => number) => median(runs.map(pick));
  const refused: Record<string, number> = {};
  for (const code of new Set(runs.flatMap((r) => Object.keys(r.refused)))) refused[code] = m((r) => r.refused[code] ?? 0);
  return {
    editsPerSecond: m((r) => r.editsPerSecond),
    p50: m((r) => r.p50),
    p95: m((r) => r.p95),
    p99: m((r) => r.p99),
    max: m((r) => r.max),
    // Lost and duplicated edits are never averaged away: the worst run counts.
    lost: Math.max(...runs.map((r) => r.lost)),
    dup: Math.max(...runs.map((r) => r.dup)),
    refused,
    cpuPercent: m((r) => r.cpuPercent),
    cpuMsPerEdit: m((r) => r.cpuMsPerEdit),
    loopCpuMsPerEdit: m((r) => r.loopCpuMsPerEdit),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    loadCpuMsPerEdit: m((r) => r.loadCpuMsPerEdit),
    gc: { count: m((r) => r.gc.count), totalMs: m((r) => r.gc.totalMs), maxMs: m((r) => r.gc.maxMs) },
    refreshesPerSecond: m((r) => r.refreshesPerSecond),
  };
}

export async function runSyncLoadBench(args: string[]): Promise<string> {
  const options = parse(args);
  const env: Record<string, string> = { LOG_LEVEL: 'warn', SESSION_CREATE_PER_MINUTE: '100000', BENCH_GC_PROBE_DIR: gcProbeDir() };
  if (options.storage === 'postgres' || options.nodes > 1) {
    const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('--storage postgres and --nodes 2 need DATABASE_URL (or TEST_DATABASE_URL)');
    env.DATABASE_URL = url;
  }
  if (options.nodes > 1) {
    const url = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
    if (!url) throw new Error('--nodes 2 needs REDIS_URL (or TEST_REDIS_URL)');
    env.REDIS_URL = url;
  }
  const lines: string[] = [
    `storage=${env.DATABASE_URL ? 'postgres' : 'sqlite'} nodes=${options.nodes}${options.nodes > 1 ? ` spread=${options.spread}` : ''} clients/room=${options.clients} rate=${options.rate}/s/client measure=${options.seconds}s load processes=${options.workers}${options.pin ? ' pinned: server/relay core 0, load the rest' : ''}`,
  ];
  let summary = '';
  const refreshes = (r: LevelResult, rooms: number) =>
    r.refreshesPerSecond > 0 ? `  checklists ${r.refreshesPerSecond.toFixed(0)}/s (a room's every ${(rooms / r.refreshesPerSecond).toFixed(1)} s)` : '';
  const row = (name: string, r: LevelResult, rooms = 0) =>
    `  ${name.padEnd(7)} edits/s ${r.editsPerSecond.toFixed(0)}  p50 ${f(r.p50)}  p95 ${f(r.p95)}  p99 ${f(r.p99)}  max ${f(r.max)} ms  lost ${r.lost}  dup ${r.dup}  refused ${JSON.stringify(r.refused)}  CPU ${r.cpuPercent.toFixed(0)}% (${r.cpuMsPerEdit.toFixed(3)} ms/edit, main thread ${r.loopCpuMsPerEdit.toFixed(3)})  RSS ${r.rssMb.toFixed(0)} MB  GC ${r.gc.count} pauses ${r.gc.totalMs.toFixed(0)} ms (max ${r.gc.maxMs.toFixed(1)})  load CPU ${r.loadCpuMsPerEdit.toFixed(3)} ms/edit${refreshes(r, rooms)}`;
  for (const roomCount of options.rooms) {
    const clients = roomCount * options.clients;
    lines.push(`${roomCount} rooms × ${options.clients} clients (${clients} clients):`);
    const runs: LevelRun[] = [];
    for (let run = 1; run <= options.repeat; run++) {
      const progress = (step: string) => process.stderr.write(`[sync ${roomCount}×${options.clients}${options.repeat > 1 ? ` run ${run}/${options.repeat}` : ''}] ${step}\n`);
      const result = await runLevel(options, env, roomCount, progress);
      runs.push(result);
      const tag = options.repeat > 1 ? ` ${run}` : '';
      lines.push(
        row(`relay${tag}`, result.relay),
        ...(result.yjs ? [row(`yjs${tag}`, result.yjs)] : []),
        ...(result.stored ? [row(`stored${tag}`, result.stored)] : []),
        row(`server${tag}`, result.server, roomCount),
      );
    }
    const pick = (which: (r: LevelRun) => LevelResult | undefined): LevelResult | undefined => {
      const results = runs.map(which).filter((r): r is LevelResult => r !== undefined);
      if (results.length === 0) return undefined;
      return options.repeat > 1 ? medianResult(results) : results[0];
    };
    const relay = pick((r) => r.relay)!;
    const yjs = pick((r) => r.yjs);
    const stored = pick((r) => r.stored);
    const server = pick((r) => r.server)!;
    if (options.repeat > 1) {
      lines.push(row('relay ~', relay), ...(yjs ? [row('yjs ~', yjs)] : []), ...(stored ? [row('stored ~', stored)] : []), row('server ~', server, roomCount));
      lines.push(`  (~: median of ${options.repeat} runs, each figure on its own; lost, dup and RSS: the worst run)`);
    }
    lines.push(`  ratio to relay: p50 ${(server.p50 / relay.p50).toFixed(2)}×, p99 ${(server.p99 / relay.p99).toFixed(2)}×`);
    if (yjs) {
      lines.push(`  Yjs relay to relay: p50 ${(yjs.p50 / relay.p50).toFixed(2)}×, p99 ${(yjs.p99 / relay.p99).toFixed(2)}×; server to Yjs relay: p50 ${(server.p50 / yjs.p50).toFixed(2)}×, p99 ${(server.p99 / yjs.p99).toFixed(2)}×`);
    }
    if (stored) {
      lines.push(`  stored Yjs relay to relay: p50 ${(stored.p50 / relay.p50).toFixed(2)}×, p99 ${(stored.p99 / relay.p99).toFixed(2)}×; server to it: p50 ${(server.p50 / stored.p50).toFixed(2)}×, p99 ${(server.p99 / stored.p99).toFixed(2)}×`);
    }
    summary =
      `sync rooms=${roomCount} clients=${clients} edits_per_s=${server.editsPerSecond.toFixed(0)} p50_ms=${f(server.p50)} p99_ms=${f(server.p99)} ` +
      `relay_p50_ms=${f(relay.p50)} relay_p99_ms=${f(relay.p99)} lost=${server.lost} dup=${server.dup} rss_mb=${server.rssMb.toFixed(0)}`;
  }
  lines.push(summary);
  return lines.join('\n');
}
