import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Review } from '../../../core/src/rubric/schema';
import type { Logger } from '../log';
import type { ReviewInput } from './registry';
import type { RulesReady, RulesReply, RulesRequest, RulesSnapshot } from './rules-snapshot';

/** A review, and how long reviewing took (on the thread, or here when it ran here). */
export interface TimedReview {
  review: Review;
  ms: number;
}

interface Waiting {
  input: ReviewInput;
  resolve: (result: TimedReview) => void;
  reject: (error: Error) => void;
}

/**
 * Reviews boards for the live checklists on a worker thread. Every refresh runs the rules
 * reviewer over the whole board, a few milliseconds each, and on a busy node that was the
 * largest single piece of what the event loop did besides edits (docs/benchmarks.md): here
 * the loop only reads the board and sends the result. Reviews are answered in the order asked.
 *
 * Nothing depends on the thread being there: until it has started, requests wait for it; if it
 * fails or exits, what it held and everything after is reviewed on the main thread, as before.
 */
export class RulesOffThread {
  private worker: Worker | null;
  private ready = false;
  private nextId = 1;
  /** Asked before the thread could take requests. */
  private readonly queued: RulesRequest[] = [];
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    snapshot: RulesSnapshot,
    /** The same reviewer on this thread: the fallback. */
    private readonly inline: (input: ReviewInput) => Review,
    log: Logger,
  ) {
    const worker = new Worker(new URL('./rules-thread.boot.mjs', import.meta.url), { workerData: snapshot });
    // A thread waiting for work must not keep a finished process alive.
    worker.unref();
    worker.on('message', (message: RulesReply | RulesReady) => this.received(message));
    worker.on('error', (error) => log.warn({ err: error }, 'the rules thread failed; checklists are reviewed on the main thread'));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
  }

  /** Whether reviews run on the thread now (false before it started and after it is gone). */
  get onThread(): boolean {
    return this.worker !== null && this.ready;
  }

  review(input: ReviewInput): Promise<TimedReview> {
    const worker = this.worker;
    if (!worker) return this.reviewHere(input);
    const id = this.nextId++;
    return new Promise<TimedReview>((resolve, reject) => {
      this.waiting.set(id, { input, resolve, reject });
      if (this.ready) worker.postMessage({ id, input } satisfies RulesRequest);
      else this.queued.push({ id, input });
    });
  }

  /** Ends the thread; whatever it still held is reviewed here. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker);
    await worker.terminate();
  }

  private received(message: RulesReply | RulesReady): void {
    if ('ready' in message) {
      this.ready = true;
      for (const request of this.queued.splice(0)) this.worker?.postMessage(request);
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if ('error' in message) waiting.reject(new Error(message.error));
    else waiting.resolve({ review: message.review, ms: message.ms });
  }

  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = false;
    this.queued.length = 0;
    const held = [...this.waiting.values()];
    this.waiting.clear();
    for (const { input, resolve, reject } of held) this.reviewHere(input).then(resolve, reject);
  }

  private reviewHere(input: ReviewInput): Promise<TimedReview> {
    const started = performance.now();
    try {
      const review = this.inline(input);
      return Promise.resolve({ review, ms: performance.now() - started });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
