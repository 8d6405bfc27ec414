/**
 * Collects the node and edge keys that document transactions changed and hands them to the
 * projection in one go: at once after this user's own edits (a drag or a rename must never lag
 * a frame behind), and at most once per animation frame for everyone else's, so a burst of
 * remote updates costs one store update and one React render rather than one per update.
 */

export type ApplyChanges = (nodes: ReadonlySet<string>, edges: ReadonlySet<string>) => void;

export interface FrameScheduler {
  request(run: () => void): () => void;
}

/**
 * The next animation frame. A hidden tab gets no frames, so a timer stands in after a while,
 * which keeps the store (that copy and paste read) from falling behind indefinitely; Node, in
 * tests, has no frames at all.
 */
export const animationFrames: FrameScheduler = {
  request(run) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(timer);
      run();
    };
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : null;
    const timer = setTimeout(once, frame === null ? 16 : 250);
    return () => {
      done = true;
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  },
};

export class ChangeBatch {
  private nodes = new Set<string>();
  private edges = new Set<string>();
  private cancel: (() => void) | null = null;

  constructor(
    private readonly apply: ApplyChanges,
    private readonly scheduler: FrameScheduler = animationFrames,
  ) {}

  add(which: 'nodes' | 'edges', keys: Iterable<string>): void {
    const into = which === 'nodes' ? this.nodes : this.edges;
    for (const key of keys) into.add(key);
  }

  /** Ends a transaction: projects now for an own edit, otherwise by the next frame. */
  commit(immediate: boolean): void {
    if (this.nodes.size === 0 && this.edges.size === 0) return;
    if (immediate) this.flush();
    else this.cancel ??= this.scheduler.request(() => {
      this.cancel = null;
      this.flush();
    });
  }

  /** Projects everything collected so far (before a write reads the store, for one). */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.nodes.size === 0 && this.edges.size === 0) return;
    const { nodes, edges } = this;
    this.nodes = new Set();
    this.edges = new Set();
    this.apply(nodes, edges);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.nodes.clear();
    this.edges.clear();
  }
}
