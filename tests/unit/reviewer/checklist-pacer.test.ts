import { afterEach, describe, expect, it } from 'vitest';
import { ChecklistPacer } from '../../../server/src/reviewers/checklist-pacer';

/** A room whose refresh records when it ran. */
function room(runs: number[][], index: number) {
  return {
    refresh: async () => {
      runs[index]!.push(Date.now());
    },
  };
}

const pacers: ChecklistPacer[] = [];
afterEach(() => pacers.splice(0).forEach((p) => p.dispose()));

describe('ChecklistPacer', () => {
  it('refreshes a room once for a burst of changes, then again after the spacing', async () => {
    const pacer = new ChecklistPacer({ everyMs: 600, tickMs: 10, loopShare: 0.5, busy: () => 0 });
    pacers.push(pacer);
    const runs: number[][] = [[]];
    const r = room(runs, 0);
    for (let i = 0; i < 50; i++) pacer.request(r);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs[0]).toHaveLength(1);
    pacer.request(r);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(runs[0]).toHaveLength(1); // still within 600 ms of the first run
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs[0]).toHaveLength(2);
  });

  it('spends no more than its share when refreshes are costly, and reaches every room in turn', async () => {
    // Each refresh reported at 5 ms against a budget of 10 % of 20 ms ticks: one room per tick.
    const pacer = new ChecklistPacer({ everyMs: 1000, tickMs: 20, loopShare: 0.1, busy: () => 0 });
    pacers.push(pacer);
    for (let i = 0; i < 30; i++) pacer.measured(5);
    const runs: number[][] = Array.from({ length: 10 }, () => []);
    const rooms = runs.map((_, i) => room(runs, i));
    const started = Date.now();
    rooms.forEach((r) => pacer.request(r));
    await new Promise((resolve) => setTimeout(resolve, 70));
    const early = runs.filter((r) => r.length > 0).length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs.every((r) => r.length === 1)).toBe(true);
    // First come, first served: rooms ran in the order they asked.
    const order = runs.map((r) => r[0]! - started);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("runs a tick's refreshes in turns of their own, so I/O waiting meanwhile goes between them", async () => {
    const pacer = new ChecklistPacer({ everyMs: 1000, tickMs: 10, loopShare: 0.5, busy: () => 0 });
    pacers.push(pacer);
    const order: string[] = [];
    const rooms = [0, 1, 2].map((i) => ({
      refresh: async () => {
        order.push(`room ${i}`);
        // What arrives while the first refresh runs (a socket's edit) must not wait for the rest.
        if (i === 0) setImmediate(() => order.push('io'));
      },
    }));
    rooms.forEach((r) => pacer.request(r));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toHaveLength(4);
    expect(order.indexOf('io')).toBe(1);
  });

  it('gives checklists a smaller share of a saturated loop, so edits keep the time', async () => {
    // 1 ms per refresh, 100 ms ticks: a 10 % share allows 10 refreshes in the first tick, 1 % only one.
    const firstTick = async (busy: number) => {
      const pacer = new ChecklistPacer({ everyMs: 10_000, tickMs: 100, loopShare: 0.1, busyShare: 0.01, busy: () => busy });
      pacers.push(pacer);
      for (let i = 0; i < 30; i++) pacer.measured(1);
      let runs = 0;
      for (let i = 0; i < 20; i++) pacer.request({ refresh: async () => void runs++ });
      await new Promise((resolve) => setTimeout(resolve, 150));
      return runs;
    };
    expect(await firstTick(0.3)).toBe(10);
    expect(await firstTick(0.75)).toBe(5);
    expect(await firstTick(0.97)).toBe(1);
  });
});
