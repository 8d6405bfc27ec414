import { describe, expect, it } from 'vitest';
import type { Board } from '../../../core/src/board/schema';
import { reviewBoard } from '../../../core/src/reviewer/index';
import { RUBRIC_ITEM_IDS, reviewSchema } from '../../../core/src/rubric/index';
import { board, review, rubricSet, scores } from './helpers';

const REAL_ATTEMPTS = ['url-shortener-weak', 'url-shortener-strong', 'url-shortener-other-wording', 'url-shortener-section-moved'];

describe('contract shape (review-contract.md)', () => {
  it('validates against the Review schema with all eight items in order', async () => {
    for (const name of [...REAL_ATTEMPTS, 'url-shortener-buzzwords', 'rate-limiter-token-bucket', 'order-system-saga', 'chat-messaging-basic']) {
      const r = reviewSchema.parse(await review(board(name)));
      expect(r.items.map((i) => i.id)).toEqual([...RUBRIC_ITEM_IDS]);
      expect(r.reviewer).toBe('rules');
      for (const item of r.items) expect(item.max).toBe(4);
    }
  });

  it('computes overall as the weighted mean of item scores over their maximum', async () => {
    const rubric = await rubricSet();
    const r = await review(board('order-system-saga'));
    const weights = Object.fromEntries(rubric.generic.items.map((i) => [i.id, i.weight]));
    const sum = r.items.reduce((s, i) => s + (weights[i.id] ?? 0) * i.score, 0);
    const max = r.items.reduce((s, i) => s + (weights[i.id] ?? 0) * 4, 0);
    expect(r.overall).toBe(Math.round((100 * sum) / max));
  });

  it('is deterministic', async () => {
    const b = board('url-shortener-other-wording');
    const first = JSON.stringify(await review(b));
    for (let i = 0; i < 3; i++) expect(JSON.stringify(await review(structuredClone(b)))).toBe(first);
  });
});

describe('judgement', () => {
  it('scores a strong design high and a weak one low', async () => {
    const strong = await review(board('url-shortener-strong'));
    const weak = await review(board('url-shortener-weak'));
    expect(strong.overall).toBeGreaterThanOrEqual(85);
    expect(Math.min(...strong.items.map((i) => i.score))).toBeGreaterThanOrEqual(3);
    expect(weak.overall).toBeLessThanOrEqual(25);
    expect(Math.max(...weak.items.map((i) => i.score))).toBeLessThanOrEqual(1);
  });

  it('puts a list of buzzwords below every real attempt, near zero', async () => {
    const buzz = await review(board('url-shortener-buzzwords'));
    expect(buzz.overall).toBeLessThanOrEqual(10);
    for (const item of buzz.items) expect(item.score).toBeLessThanOrEqual(1);
    for (const name of REAL_ATTEMPTS) expect((await review(board(name))).overall).toBeGreaterThan(buzz.overall);
    expect(buzz.warnings.some((w) => w.includes('list of terms'))).toBe(true);
  });

  it('does not punish other wording: a design in its own words scores close to the strong one', async () => {
    const strong = scores(await review(board('url-shortener-strong')));
    const other = scores(await review(board('url-shortener-other-wording')));
    for (const id of RUBRIC_ITEM_IDS) expect(other[id]).toBeGreaterThanOrEqual((strong[id] ?? 0) - 1);
  });

  it('credits points made in another section to the item they belong to', async () => {
    // The API, data model and reliability points of this design sit in Requirements and High-level design.
    const moved = scores(await review(board('url-shortener-section-moved')));
    expect(moved.api).toBeGreaterThanOrEqual(3);
    expect(moved['data-model']).toBeGreaterThanOrEqual(3);
    expect(moved.reliability).toBeGreaterThanOrEqual(3);
    expect(moved.estimation).toBeGreaterThanOrEqual(3);
  });

  it.each(['estimation', 'api', 'data-model', 'reliability', 'trade-offs', 'requirements'] as const)(
    'removing the %s section of a strong design drops that item by ≥2, moves no other item by >1, and a follow-up targets the gap',
    async (section) => {
      const strong = board('url-shortener-strong');
      const before = scores(await review(strong));
      const without: Board = structuredClone(strong);
      delete without.sections[section];
      const after = await review(without);
      const afterScores = scores(after);
      expect((before[section] ?? 0) - (afterScores[section] ?? 0)).toBeGreaterThanOrEqual(2);
      for (const id of RUBRIC_ITEM_IDS) if (id !== section) expect(Math.abs((before[id] ?? 0) - (afterScores[id] ?? 0))).toBeLessThanOrEqual(1);
      expect(after.followUps[0]?.item).toBe(section);
    },
  );
});

describe('evidence and feedback', () => {
  it('points every piece of evidence at something on the board', async () => {
    for (const name of [...REAL_ATTEMPTS, 'rate-limiter-token-bucket', 'order-system-saga']) {
      const b = board(name);
      const refs = new Set([...b.nodes.map((n) => `node:${n.id}`), ...b.edges.map((e) => `edge:${e.id}`), ...Object.keys(b.sections).map((s) => `section:${s}`)]);
      const r = await review(b);
      for (const item of r.items) for (const e of item.evidence) expect(refs.has(e.ref), `${name} ${item.id} ${e.ref}`).toBe(true);
    }
  });

  it('never praises what is not there: a zero has no evidence, a word list earns none', async () => {
    for (const name of ['url-shortener-weak', 'url-shortener-buzzwords']) {
      const r = await review(board(name));
      for (const item of r.items) if (item.score === 0) expect(item.evidence).toEqual([]);
      for (const item of r.items) for (const e of item.evidence) expect(e.ref).not.toBe('section:scaling');
    }
  });

  it('lists what is missing as actionable sentences', async () => {
    const r = await review(board('url-shortener-weak'));
    const estimation = r.items.find((i) => i.id === 'estimation');
    expect(estimation?.missing.length).toBeGreaterThan(0);
    for (const m of estimation?.missing ?? []) expect(m).toMatch(/^[A-Z"].*[.?)]$/);
    const api = r.items.find((i) => i.id === 'api');
    expect(api?.missing.join(' ')).toMatch(/status code/);
  });

  it('orders follow-ups weakest item first and triggers bank questions from the board', async () => {
    const r = await review(board('order-system-saga'));
    const byItem = Object.fromEntries(r.items.map((i) => [i.id, i.score]));
    const followScores = r.followUps.map((f) => byItem[f.item] ?? 0);
    expect(followScores).toEqual([...followScores].sort((a, b) => a - b));
    expect(r.followUps.length).toBeGreaterThan(0);
  });

  it('asks bank questions triggered by what the board holds (cache → invalidation, queue → delivery)', async () => {
    const rubric = await rubricSet();
    const b: Board = structuredClone(board('url-shortener-strong'));
    delete b.sections.scaling;
    delete b.sections.reliability;
    const withParts = reviewBoard(b, { id: 'url-shortener' }, rubric);
    const questions = withParts.followUps.map((f) => f.question).join('\n');
    expect(questions).toMatch(/cache/i);
    // Without a cache or queue anywhere, those questions never come up.
    const plain = reviewBoard(board('url-shortener-weak'), { id: 'url-shortener' }, rubric);
    expect(plain.followUps.map((f) => f.question).join('\n')).not.toMatch(/queue delivers a message twice|How does the cache find out/);
  });

  it('uses the prompt\'s own follow-ups when given a prompt', async () => {
    const r = reviewBoard(board('url-shortener-weak'), { id: 'url-shortener', followUps: [{ item: 'estimation', question: 'How many redirects per second at peak?' }] }, await rubricSet());
    expect(r.followUps.map((f) => f.question)).toContain('How many redirects per second at peak?');
  });

  it('warns when the prompt has no rubric, and still reviews', async () => {
    const b = board('url-shortener-weak');
    b.meta.prompt = 'unheard-of';
    const r = await review(b);
    expect(r.warnings.some((w) => w.includes('unheard-of'))).toBe(true);
    expect(reviewSchema.safeParse(r).success).toBe(true);
  });
});
