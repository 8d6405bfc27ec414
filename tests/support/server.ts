import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  /** The server process id (benchmarks read its CPU and memory). */
  pid: number;
  dataDir: string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>;
  /** Starts a new process on the same port and data directory. */
  restart(): Promise<RunningServer>;
  output(): string;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra Node flags for the server process (a benchmark's `--cpu-prof`). */
  nodeArgs?: string[];
}

/** The Node flags `npm start` runs the server with (package.json), read from there so tests and benchmarks cannot drift from it. */
export const START_NODE_FLAGS = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/**
 * Starts the real server (`server/src/index.ts`) as a child process on a free port with its
 * own SQLite directory, exactly as `npm start` runs it, and resolves once it listens.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'designroom-test-'));
  const child = spawn(process.execPath, [...START_NODE_FLAGS, ...(options.nodeArgs ?? []), '--import', 'tsx', 'server/src/index.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const check = () => {
      const match = /running on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  const exited = (proc: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
      else proc.once('exit', (code) => resolve(code));
    });

  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    restart() {
      return startServer({ ...options, dataDir, port });
    },
    output: () => output,
  };
  return server;
}
