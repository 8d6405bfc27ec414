/** Counts per key in fixed windows; small and in-memory, which suits one node's own abuse guard. */
export class FixedWindowLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const t = this.now();
    const entry = this.counts.get(key);
    if (!entry || t - entry.windowStart >= this.windowMs) {
      if (this.counts.size > 10_000) this.sweep(t);
      this.counts.set(key, { windowStart: t, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  private sweep(t: number): void {
    for (const [key, entry] of this.counts) if (t - entry.windowStart >= this.windowMs) this.counts.delete(key);
  }
}
