import { afterEach, describe, expect, it } from 'vitest';
import { loadPrompts, DEFAULT_PROMPTS_DIR } from '../../server/src/data/prompts';
import { createLogger } from '../../server/src/log';
import { createReviewers, type ReviewInput } from '../../server/src/reviewers/registry';
import { RulesOffThread } from '../../server/src/reviewers/rules-off-thread';
import { snapshotRules } from '../../server/src/reviewers/rules-snapshot';
import { eventually } from '../support/board-client';
import { board, rubricSet } from '../unit/reviewer/helpers';

const threads: RulesOffThread[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.stop()));
});

async function setUp() {
  const prompts = await loadPrompts(DEFAULT_PROMPTS_DIR);
  const rubrics = await rubricSet();
  const reviewers = createReviewers({ prompts, rubrics });
  const thread = new RulesOffThread(snapshotRules(prompts, rubrics), (input) => reviewers.rules(input), createLogger('silent'));
  threads.push(thread);
  return { thread, reviewers };
}

const DESIGNS = ['url-shortener-strong', 'url-shortener-weak', 'rate-limiter-token-bucket', 'order-system-saga', 'chat-messaging-basic'];
const inputOf = (name: string): ReviewInput => {
  const b = board(name);
  return { board: b, promptId: b.meta.prompt ?? 'url-shortener', answers: [{ id: 'a1', item: 'scaling', question: 'How do you handle a hot key?', text: 'A cache in front, and replicas for reads.' }] };
};

describe('the rules reviewer on its own thread', () => {
  it('reviews on the thread, and each review equals the one made on the main thread', async () => {
    const { thread, reviewers } = await setUp();
    await eventually(() => thread.onThread, 'the rules thread started');
    for (const name of DESIGNS) {
      const input = inputOf(name);
      const { review, ms } = await thread.review(input);
      expect(review, name).toEqual(reviewers.rules(input));
      expect(ms).toBeGreaterThan(0);
    }
  });

  it('answers requests made before it started, in order', async () => {
    const { thread, reviewers } = await setUp();
    expect(thread.onThread).toBe(false);
    const results = await Promise.all(DESIGNS.map((name) => thread.review(inputOf(name))));
    expect(results.map((r) => r.review.overall)).toEqual(DESIGNS.map((name) => reviewers.rules(inputOf(name)).overall));
  });

  it('a board it cannot review is refused with the reason, and the thread carries on', async () => {
    const { thread, reviewers } = await setUp();
    await eventually(() => thread.onThread, 'the rules thread started');
    const broken = { ...inputOf('url-shortener-strong'), board: { nodes: 'not a list' } } as unknown as ReviewInput;
    const reason = (() => {
      try {
        reviewers.rules(broken);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(reason).toBeTruthy();
    await expect(thread.review(broken)).rejects.toThrow(reason!);
    expect(thread.onThread).toBe(true);
    expect((await thread.review(inputOf('url-shortener-weak'))).review.items.length).toBeGreaterThan(0);
  });

  it('when the thread is gone, what it held and what comes after is reviewed on the main thread', async () => {
    const { thread, reviewers } = await setUp();
    await eventually(() => thread.onThread, 'the rules thread started');
    const pending = DESIGNS.map((name) => thread.review(inputOf(name)));
    await thread.stop();
    expect(thread.onThread).toBe(false);
    const held = await Promise.all(pending);
    expect(held.map((r) => r.review)).toEqual(DESIGNS.map((name) => reviewers.rules(inputOf(name))));
    const after = await thread.review(inputOf('url-shortener-strong'));
    expect(after.review).toEqual(reviewers.rules(inputOf('url-shortener-strong')));
  });
});
