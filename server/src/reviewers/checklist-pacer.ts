import { performance } from 'node:perf_hooks';

/** A room's live checklist, as the pacer sees it. */
export interface Paced {
  /** Runs the rules reviewer on the board and sends the checklist; resolves when done. */
  refresh(): Promise<void>;
}

export interface PacerOptions {
  /** No room's checklist is refreshed more often than this. */
  everyMs: number;
  /** Share of the event loop all live checklists together may take while the loop has room. */
  loopShare: number;
  /** The share when the loop is saturated (see `busy`). */
  busyShare: number;
  tickMs: number;
  /** How busy the event loop was lately, 0–1 (event-loop utilisation; injectable for tests). */
  busy: () => number;
}

/** Event-loop utilisation from which the share starts to shrink, and at which it reaches `busyShare`. */
const ROOMY = 0.6;
const SATURATED = 0.9;

function loopUtilisation(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, last);
    last = now;
    return since.utilization;
  };
}

const DEFAULTS: Omit<PacerOptions, 'busy'> = { everyMs: 1000, loopShare: 0.05, busyShare: 0.01, tickMs: 100 };

/**
 * Paces the live checklists of every room on this node. Each refresh runs the rules
 * reviewer over the whole board (a quarter of a millisecond for a small one), and with a
 * refresh per busy room per second, 500 busy rooms spent a fifth of the server's time on
 * checklists (docs/benchmarks.md). So refreshes share a budget — 5 % of the event loop,
 * from the measured cost of recent runs — taken first come, first served: with few rooms
 * each refreshes a second after a change, as before; with many, each refreshes less often,
 * and edits keep their latency. A room asking again while queued keeps its place.
 *
 * A tick's refreshes run one after another, each in a turn of the event loop of its own
 * (setImmediate), not back to back: ten at once held every edit that arrived meanwhile for
 * 5–8 ms, which is what a slow edit at p99 is made of. The next tick is armed once the last
 * has started.
 *
 * The share shrinks as the loop fills (from 5 % at 60 % utilisation to 1 % at 90 %): near
 * saturation every edit waits behind whatever else runs, so a checklist that is a few seconds
 * staler is the better trade than edits that are tens of milliseconds late.
 *
 * The review itself now runs on a thread of its own (rules-off-thread.ts), and the budget
 * still counts it: checklists refresh as often as when it all ran on the loop, and the loop
 * keeps only the reading of the board and the sending.
 */
export class ChecklistPacer {
  private readonly due = new Set<Paced>();
  private readonly lastRunAt = new WeakMap<Paced, number>();
  private costMs = 0.5;
  private timer: NodeJS.Timeout | null = null;
  /** The current tick's refreshes are still being started, one per turn: the next tick waits until the last has started. */
  private spreading = false;
  private disposed = false;
  private readonly options: PacerOptions;

  constructor(options: Partial<PacerOptions> = {}) {
    this.options = { ...DEFAULTS, busy: options.busy ?? loopUtilisation(), ...options };
  }

  request(room: Paced): void {
    this.due.add(room);
    this.arm();
  }

  cancel(room: Paced): void {
    this.due.delete(room);
  }

  /**
   * Reports how long one refresh took, to size the budget: reading, reviewing and sending,
   * wherever each ran (the review runs on the rules thread, rules-off-thread.ts).
   */
  measured(ms: number): void {
    this.costMs = this.costMs * 0.9 + ms * 0.1;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due.clear();
  }

  private arm(): void {
    if (this.timer || this.spreading || this.disposed || this.due.size === 0) return;
    this.timer = setTimeout(() => this.tick(), this.options.tickMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    const now = performance.now();
    const { tickMs, everyMs } = this.options;
    let allowance = Math.max(1, Math.floor((this.share() * tickMs) / Math.max(this.costMs, 0.01)));
    const batch: Paced[] = [];
    for (const room of this.due) {
      if (allowance === 0) break;
      if (now - (this.lastRunAt.get(room) ?? -Infinity) < everyMs) continue;
      this.due.delete(room);
      this.lastRunAt.set(room, now);
      allowance--;
      batch.push(room);
    }
    this.spreading = true;
    this.runSpread(batch, 0);
  }

  /** The share of the loop checklists may take now, from how busy the loop was since the last tick. */
  private share(): number {
    const { loopShare, busyShare, busy } = this.options;
    const fill = Math.min(1, Math.max(0, (busy() - ROOMY) / (SATURATED - ROOMY)));
    return loopShare - (loopShare - busyShare) * fill;
  }

  private runSpread(batch: Paced[], index: number): void {
    const room = batch[index];
    if (!room || this.disposed) {
      this.spreading = false;
      this.arm();
      return;
    }
    // Started, not awaited: one refresh stuck on a slow storage read must not hold every other room's.
    void room.refresh();
    setImmediate(() => this.runSpread(batch, index + 1));
  }
}
