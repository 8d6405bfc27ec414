import { describe, expect, it } from 'vitest';
import { RUBRIC_ITEM_IDS } from '../../core/src';
import { formatDelta, itemDeltas, nextFollowUp, openFollowUps } from '../../client/src/practice/dialogue';
import { reviewWith } from '../support/reviews';

describe('the next follow-up the reviewer asks', () => {
  const review = reviewWith({ scaling: 0, api: 1, reliability: 3, 'trade-offs': 4 }, [
    { item: 'reliability', question: 'What if the primary dies?' },
    { item: 'api', question: 'Which status code for an unknown code?' },
    { item: 'scaling', question: 'Traffic grows 10x. What breaks first?' },
    { item: 'scaling', question: 'Where do hot keys go?' },
    { item: 'trade-offs', question: 'Why not SQL?' },
  ]);

  it('asks about the weakest item first, in the review order within an item', () => {
    expect(nextFollowUp(review, [])).toEqual({ item: 'scaling', question: 'Traffic grows 10x. What breaks first?' });
  });

  it('moves on once a question is answered or skipped, to the next weakest item after that item is done', () => {
    const done = [{ item: 'scaling', question: 'Traffic grows 10x. What breaks first?' }];
    expect(nextFollowUp(review, done)?.question).toBe('Where do hot keys go?');
    done.push({ item: 'scaling', question: 'Where do hot keys go? ' });
    expect(nextFollowUp(review, done)).toEqual({ item: 'api', question: 'Which status code for an unknown code?' });
  });

  it('never asks about an item at full marks, and ends with null', () => {
    const done = [
      { item: 'scaling', question: 'Traffic grows 10x. What breaks first?' },
      { item: 'scaling', question: 'Where do hot keys go?' },
      { item: 'api', question: 'Which status code for an unknown code?' },
      { item: 'reliability', question: 'What if the primary dies?' },
    ];
    expect(nextFollowUp(review, done)).toBeNull();
    expect(openFollowUps(review, [])).toBe(4);
    expect(openFollowUps(review, done.slice(0, 3))).toBe(1);
  });

  it('an answer to the same question about another item does not count for this one', () => {
    const r = reviewWith({}, [{ item: 'api', question: 'Why?' }]);
    expect(nextFollowUp(r, [{ item: 'scaling', question: 'Why?' }])).toEqual({ item: 'api', question: 'Why?' });
  });
});

describe('score deltas between critiques', () => {
  it('gives each item its change against the previous critique', () => {
    const before = reviewWith({ scaling: 1, api: 3 });
    const after = reviewWith({ scaling: 3, api: 2 });
    const deltas = itemDeltas(after, before);
    expect(deltas.map((d) => d.id)).toEqual([...RUBRIC_ITEM_IDS]);
    expect(deltas.find((d) => d.id === 'scaling')).toEqual({ id: 'scaling', score: 3, previous: 1, delta: 2 });
    expect(deltas.find((d) => d.id === 'api')).toEqual({ id: 'api', score: 2, previous: 3, delta: -1 });
    expect(deltas.find((d) => d.id === 'estimation')).toEqual({ id: 'estimation', score: 2, previous: 2, delta: 0 });
  });

  it('has no previous score on the first critique', () => {
    expect(itemDeltas(reviewWith({ scaling: 3 }), null).find((d) => d.id === 'scaling')).toEqual({ id: 'scaling', score: 3, previous: null, delta: 0 });
  });

  it('prints signs the way the panel shows them', () => {
    expect([formatDelta(2), formatDelta(-1), formatDelta(0)]).toEqual(['+2', '\u22121', '\u00b10']);
  });
});
