import { describe, expect, it } from 'vitest';
import { ATTEMPTS_KEY, MAX_ATTEMPTS, attemptsAt, itemSeries, loadAttempts, recordCritique, type AttemptStorage } from '../../client/src/practice/attempts';
import { reviewWith } from '../support/reviews';

/** localStorage's contract over a Map (Node has no localStorage). */
function memoryStorage(initial: Record<string, string> = {}): AttemptStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, String(v)) };
}

describe('the attempts this browser remembers', () => {
  it('keeps one attempt per session, holding its latest critique, and survives a reload', () => {
    const storage = memoryStorage();
    recordCritique(storage, { sessionId: 's1', prompt: 'url-shortener', at: 1000, review: reviewWith({ scaling: 1 }) });
    recordCritique(storage, { sessionId: 's1', prompt: 'url-shortener', at: 2000, review: reviewWith({ scaling: 3 }) });
    recordCritique(storage, { sessionId: 's1', prompt: 'url-shortener', at: 1500, review: reviewWith({ scaling: 2 }) });
    const reloaded = loadAttempts(storage);
    expect(reloaded).toHaveLength(1);
    expect(reloaded[0]).toMatchObject({ sessionId: 's1', firstAt: 1000, lastAt: 2000 });
    expect(reloaded[0]?.scores.scaling).toBe(3);
  });

  it('lists the attempts at one prompt oldest first, and each item across them', () => {
    const storage = memoryStorage();
    recordCritique(storage, { sessionId: 'b', prompt: 'url-shortener', at: 3000, review: reviewWith({ api: 4 }) });
    recordCritique(storage, { sessionId: 'x', prompt: 'rate-limiter', at: 2000, review: reviewWith({ api: 0 }) });
    recordCritique(storage, { sessionId: 'a', prompt: 'url-shortener', at: 1000, review: reviewWith({ api: 1 }) });
    const mine = attemptsAt(loadAttempts(storage), 'url-shortener');
    expect(mine.map((a) => a.sessionId)).toEqual(['a', 'b']);
    const api = itemSeries(mine).find((s) => s.id === 'api');
    expect(api?.scores).toEqual([1, 4]);
    expect(itemSeries(mine)).toHaveLength(8);
  });

  it('skips entries that do not parse and starts over from garbage', () => {
    const good = { sessionId: 'ok', prompt: 'p', firstAt: 1, lastAt: 1, overall: 10, reviewer: 'rules', scores: { api: 2 } };
    const storage = memoryStorage({ [ATTEMPTS_KEY]: JSON.stringify([good, { sessionId: 3 }, null]) });
    expect(loadAttempts(storage).map((a) => a.sessionId)).toEqual(['ok']);
    expect(loadAttempts(memoryStorage({ [ATTEMPTS_KEY]: '{not json' }))).toEqual([]);
    expect(loadAttempts(memoryStorage({ [ATTEMPTS_KEY]: '{"a":1}' }))).toEqual([]);
  });

  it('forgets the oldest beyond the cap', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_ATTEMPTS + 5; i++) recordCritique(storage, { sessionId: `s${i}`, prompt: 'p', at: i, review: reviewWith({}) });
    const kept = loadAttempts(storage);
    expect(kept).toHaveLength(MAX_ATTEMPTS);
    expect(kept[0]?.sessionId).toBe('s5');
  });

  it('still returns the history when the storage refuses to write', () => {
    const storage: AttemptStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(recordCritique(storage, { sessionId: 's', prompt: 'p', at: 1, review: reviewWith({}) })).toHaveLength(1);
  });
});
