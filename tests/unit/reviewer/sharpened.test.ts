/**
 * The rules reviewer's principles from issue 9: drawn-but-unexplained is 1, summaries never
 * contradict themselves, no internal ids in text, advice fits the prompt, and answers count
 * only when they make the points a good answer makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyBoard, type Board, type BoardNode } from '../../../core/src/board/schema';
import type { NodeKind } from '../../../core/src/board/kinds';
import { parseDesignDoc } from '../../../core/src/designdoc/index';
import { judgeAnswer, reviewBoard } from '../../../core/src/reviewer/index';
import type { Review } from '../../../core/src/rubric/schema';
import { loadPrompts, DEFAULT_PROMPTS_DIR } from '../../../server/src/data/prompts';
import { ROOT, rubricSet } from './helpers';

function node(id: string, kind: NodeKind, label: string): BoardNode {
  return { id, kind, label, x: 0, y: 0, notes: '', props: {} };
}

function designs(): Array<{ name: string; board: Board }> {
  return ['tests/fixtures/designs', 'tests/fixtures/holdout', 'tests/fixtures/holdout2'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => ({ name: `${dir}/${f}`, board: parseDesignDoc(readFileSync(path.join(ROOT, dir, f))).board })),
  );
}

async function reviewOf(board: Board): Promise<Review> {
  const prompts = await loadPrompts(DEFAULT_PROMPTS_DIR);
  return reviewBoard(board, prompts.get(board.meta.prompt ?? ''), await rubricSet());
}

describe('the sharpened rules reviewer', () => {
  it('scores a scaling plan that is only drawn at 1, however much is drawn', async () => {
    const board: Board = {
      ...emptyBoard({ prompt: 'news-feed' }),
      nodes: [node('u', 'client', 'App'), node('lb', 'load-balancer', 'Load balancer'), node('api', 'service', 'Feed API'), node('c', 'cache', 'Redis cache'), node('db', 'database', 'Posts shard 1'), node('db2', 'database', 'Posts shard 2'), node('cdn', 'cdn', 'CDN')],
      edges: [['u', 'lb'], ['lb', 'api'], ['api', 'c'], ['c', 'db'], ['c', 'db2'], ['u', 'cdn']].map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target!, label: '', mode: 'sync' as const })),
    };
    const r = await reviewOf(board);
    expect(r.items.find((i) => i.id === 'scaling')!.score).toBe(1);
    expect(r.items.find((i) => i.id === 'scaling')!.summary).toMatch(/^Scaling components drawn or named, not explained\./);
  });

  it('removing the written scaling section costs more than one point when the diagram still shows it', async () => {
    const byName = new Map(designs().map((d) => [d.name, d.board]));
    const full = await reviewOf(byName.get('tests/fixtures/holdout2/news-feed-hybrid-fanout.md')!);
    const drawnOnly = await reviewOf(byName.get('tests/fixtures/holdout2/news-feed-diagram-only-scaling.md')!);
    const scaling = (r: Review) => r.items.find((i) => i.id === 'scaling')!.score;
    expect(scaling(full) - scaling(drawnOnly)).toBeGreaterThanOrEqual(2);
  });

  it('never names a check both as had and as lacking, and never opens with a descriptor that denies what it credits', async () => {
    for (const { name, board } of designs()) {
      const r = await reviewOf(board);
      for (const item of r.items) {
        const has = /Has (.*?)\. (?:Lacks|$)/.exec(item.summary)?.[1] ?? '';
        const lacks = /Lacks (.*?)\.$/.exec(item.summary)?.[1] ?? '';
        const split = (s: string) => s.split(/, | and /).filter(Boolean);
        for (const label of split(lacks)) expect(split(has), `${name} ${item.id}: ${item.summary}`).not.toContain(label);
        if (item.score === 0 && has) expect(item.summary, `${name} ${item.id}`).toMatch(/^Held at 0\/4/);
      }
    }
  });

  it('writes components by their labels, never their internal ids', async () => {
    const board: Board = {
      ...emptyBoard({ prompt: 'url-shortener' }),
      nodes: [node('zq7', 'client', 'Browser'), node('xk9', 'service', 'Shortener'), node('vv3', 'database', 'Postgres')],
      edges: [{ id: 'e1', source: 'zq7', target: 'xk9', label: '', mode: 'sync' }, { id: 'e2', source: 'xk9', target: 'vv3', label: '', mode: 'sync' }],
    };
    const r = await reviewOf(board);
    const text = JSON.stringify(r.items.map((i) => [i.summary, i.missing, i.evidence.map((e) => e.text)]));
    for (const id of ['zq7', 'xk9', 'vv3']) expect(text).not.toContain(id);
    expect(text).toContain('Postgres');
  });

  it('gives a rate limiter advice that fits it: no read-path cache, no record storage arithmetic', async () => {
    const r = await reviewOf({ ...emptyBoard({ prompt: 'rate-limiter' }), nodes: [node('gw', 'api-gateway', 'Gateway'), node('r', 'cache', 'Redis')], edges: [{ id: 'e', source: 'gw', target: 'r', label: '', mode: 'sync' }] });
    const advice = r.items.flatMap((i) => i.missing).join('\n');
    expect(advice).not.toMatch(/cache on the (hot )?read path/i);
    expect(advice).not.toMatch(/180 TB|retention/);
    expect(advice).toMatch(/checks per second/);
  });
});

describe('judging answers', () => {
  const key = {
    followUps: [{ item: 'scaling', question: 'One link goes viral. What breaks?', points: ['The cache shard that owns the code becomes hot.', 'A per-process LRU in the redirect servers spreads the load.'] }],
    strongAnswer: { scaling: ['Redirects are served from a Redis cache in front of the store.'] },
  };
  const answer = (text: string, question = 'One link goes viral. What breaks?') => judgeAnswer({ id: 'a1', item: 'scaling', question, text }, key);

  it('credits an answer that makes the expected points', () => {
    expect(answer('The Redis shard that owns the hot code melts; a small LRU in each redirect server absorbs the load.').credited).toBe(true);
  });

  it('gives nothing for "I don\'t know", an off-topic answer, or the question repeated back', () => {
    expect(answer("I don't know, probably the cache shard gets hot").reason).toBe('non-answer');
    expect(answer('Not sure.').reason).toBe('non-answer');
    expect(answer('We would hire more engineers and write better documentation for the team.').reason).toBe('off-topic');
    expect(answer('One link goes viral and then something breaks, I think.').credited).toBe(false);
  });
});
