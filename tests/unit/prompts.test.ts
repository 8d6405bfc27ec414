/**
 * The prompt library: every real prompt in design-prompts/ validates and meets the content
 * bar, and the loader names the file and the field at fault for broken files.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { RUBRIC_ITEM_IDS } from '../../core/src/rubric/items';
import { PHASE_IDS, type PromptFrontMatter } from '../../core/src/prompt/schema';
import { DEFAULT_PROMPTS_DIR, loadPrompts } from '../../server/src/data/prompts';

const CORE_PROMPTS = ['url-shortener', 'rate-limiter', 'notification-service', 'order-system'];
const ALL_PROMPTS = [...CORE_PROMPTS, 'chat-messaging', 'news-feed', 'file-storage', 'web-crawler'];

describe('the prompt library in design-prompts/', async () => {
  const library = await loadPrompts(DEFAULT_PROMPTS_DIR);
  const prompts = library.list().map((summary) => {
    const prompt = library.get(summary.id);
    if (!prompt) throw new Error(`list() names ${summary.id} but get() does not return it`);
    return prompt;
  });

  it('loads every file, and each id equals its file name', async () => {
    const files = (await readdir(DEFAULT_PROMPTS_DIR)).filter((name) => name.endsWith('.md'));
    expect(library.list().map((p) => `${p.id}.md`).sort()).toEqual(files.sort());
  });

  it('holds the four core prompts and the four others', () => {
    expect(library.list().map((p) => p.id)).toEqual(expect.arrayContaining(ALL_PROMPTS));
  });

  it('lists summaries with exactly the picker fields, and get() returns undefined for an unknown id', () => {
    for (const summary of library.list()) {
      expect(Object.keys(summary).sort()).toEqual(['difficulty', 'id', 'statement', 'tags', 'title']);
    }
    expect(library.get('no-such-prompt')).toBeUndefined();
  });

  describe.each(ALL_PROMPTS)('%s', (id) => {
    const prompt = () => {
      const found = prompts.find((p) => p.id === id);
      if (!found) throw new Error(`${id} is missing`);
      return found;
    };

    it('has a body of 1–3 paragraphs to read aloud', () => {
      const paragraphs = prompt().body.split(/\n\s*\n/);
      expect(paragraphs.length).toBeGreaterThanOrEqual(1);
      expect(paragraphs.length).toBeLessThanOrEqual(3);
    });

    it('covers all eight rubric items in strongAnswer with 3–6 points each', () => {
      expect(Object.keys(prompt().strongAnswer).sort()).toEqual([...RUBRIC_ITEM_IDS].sort());
      for (const item of RUBRIC_ITEM_IDS) {
        expect(prompt().strongAnswer[item].length, item).toBeGreaterThanOrEqual(3);
        expect(prompt().strongAnswer[item].length, item).toBeLessThanOrEqual(6);
      }
    });

    it('has 5–8 follow-ups on valid items with 3–5 points, including a 10x and a failure question', () => {
      const { followUps } = prompt();
      expect(followUps.length).toBeGreaterThanOrEqual(5);
      expect(followUps.length).toBeLessThanOrEqual(8);
      for (const followUp of followUps) {
        expect(RUBRIC_ITEM_IDS).toContain(followUp.item);
        expect(followUp.points.length, followUp.id).toBeGreaterThanOrEqual(3);
        expect(followUp.points.length, followUp.id).toBeLessThanOrEqual(5);
      }
      expect(followUps.some((f) => f.item === 'scaling' && /\b10x\b/i.test(f.question))).toBe(true);
      expect(followUps.some((f) => f.item === 'reliability')).toBe(true);
    });

    it('has phases of 45 or 60 minutes with 1–3 hints each', () => {
      const { phases, hints } = prompt();
      expect([45, 60]).toContain(phases.reduce((sum, phase) => sum + phase.minutes, 0));
      expect(phases.map((phase) => phase.id)).toEqual([...PHASE_IDS]);
      for (const phase of phases) {
        expect(hints[phase.id]?.length ?? 0, phase.id).toBeGreaterThanOrEqual(1);
        expect(hints[phase.id]?.length ?? 0, phase.id).toBeLessThanOrEqual(3);
      }
    });

    it('has 4–6 mistakes, clarifications and numeric scale assumptions', () => {
      const { mistakes, clarifications, scale } = prompt();
      expect(mistakes.length).toBeGreaterThanOrEqual(4);
      expect(mistakes.length).toBeLessThanOrEqual(6);
      expect(clarifications.length).toBeGreaterThanOrEqual(4);
      expect(scale.length).toBeGreaterThanOrEqual(4);
      expect(scale.every((assumption) => assumption.value > 0)).toBe(true);
    });
  });
});

/** The smallest prompt that validates; fixtures break one thing in a copy of it. */
function validFrontMatter(id: string): PromptFrontMatter {
  const points = ['first point', 'second point', 'third point'];
  return {
    id,
    title: 'Fixture',
    difficulty: 'easy',
    tags: ['fixture'],
    statement: 'A fixture prompt.',
    clarifications: [{ question: 'How many users?', answer: 'A few.' }],
    scale: [{ name: 'Users', value: 10, unit: 'users' }],
    phases: [
      { id: 'requirements', title: 'Requirements', minutes: 10 },
      { id: 'high-level-design', title: 'Design', minutes: 35 },
    ],
    strongAnswer: Object.fromEntries(RUBRIC_ITEM_IDS.map((item) => [item, points])) as PromptFrontMatter['strongAnswer'],
    followUps: [
      { id: 'ten-x', item: 'scaling', question: 'Traffic grows 10x?', points },
      { id: 'failure', item: 'reliability', question: 'A node dies?', points },
    ],
    mistakes: ['a mistake'],
    hints: { requirements: ['a hint'] },
  };
}

function promptFile(frontMatter: unknown, body = 'Design a fixture.'): string {
  return `---\n${stringify(frontMatter)}---\n${body}\n`;
}

describe('loadPrompts on broken files', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** Writes `files` into a fresh temp dir and returns the dir and the loader's error message. */
  async function loadError(files: Record<string, string>): Promise<{ dir: string; message: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'designroom-prompts-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const error: unknown = await loadPrompts(dir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    return { dir, message: (error as Error).message };
  }

  it('accepts the valid fixture (so the failures below come from the one thing broken)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'designroom-prompts-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'fixture.md'), promptFile(validFrontMatter('fixture')));
    const library = await loadPrompts(dir);
    expect(library.list().map((p) => p.id)).toEqual(['fixture']);
    expect(library.get('fixture')?.body).toBe('Design a fixture.');
  });

  it('names the file when the front matter is missing', async () => {
    const { dir, message } = await loadError({ 'plain.md': '# Just Markdown\n\nNo front matter here.\n' });
    expect(message).toContain(`${path.join(dir, 'plain.md')}: front matter: missing`);
  });

  it('names the file and line when the YAML does not parse', async () => {
    const { dir, message } = await loadError({ 'broken.md': '---\nid: broken\ntags: [a, b\n---\nBody\n' });
    expect(message).toContain(`${path.join(dir, 'broken.md')}: front matter: invalid YAML`);
    expect(message).toMatch(/broken.md: front matter: invalid YAML at line 3:/);
  });

  it('names the file and the field path of a bad enum value', async () => {
    const frontMatter = validFrontMatter('bad-item');
    frontMatter.followUps[1] = { ...frontMatter.followUps[1]!, item: 'scalability' as 'scaling' };
    const { dir, message } = await loadError({ 'bad-item.md': promptFile(frontMatter) });
    expect(message).toContain(`${path.join(dir, 'bad-item.md')}: followUps.1.item:`);
  });

  it('names a missing strongAnswer item and an unknown field', async () => {
    const frontMatter: Record<string, unknown> = { ...validFrontMatter('gaps'), owner: 'someone' };
    const strongAnswer = { ...(frontMatter.strongAnswer as Record<string, string[]>) };
    delete strongAnswer['trade-offs'];
    frontMatter.strongAnswer = strongAnswer;
    const { dir, message } = await loadError({ 'gaps.md': promptFile(frontMatter) });
    const file = path.join(dir, 'gaps.md');
    expect(message).toContain(`${file}: strongAnswer.trade-offs: required but missing`);
    expect(message).toContain(`${file}: owner: unknown field`);
  });

  it('rejects phases that do not add up to 45 or 60 minutes', async () => {
    const frontMatter = validFrontMatter('short');
    frontMatter.phases[1]!.minutes = 20;
    const { dir, message } = await loadError({ 'short.md': promptFile(frontMatter) });
    expect(message).toContain(`${path.join(dir, 'short.md')}: phases: minutes add up to 30`);
  });

  it('rejects hints for a phase the prompt does not run, and a repeated follow-up id', async () => {
    const frontMatter = validFrontMatter('cross');
    frontMatter.hints = { 'wrap-up': ['a hint'] };
    frontMatter.followUps[1] = { ...frontMatter.followUps[1]!, id: 'ten-x' };
    const { dir, message } = await loadError({ 'cross.md': promptFile(frontMatter) });
    const file = path.join(dir, 'cross.md');
    expect(message).toContain(`${file}: hints.wrap-up:`);
    expect(message).toContain(`${file}: followUps.1.id:`);
  });

  it('rejects an empty body', async () => {
    const { dir, message } = await loadError({ 'silent.md': promptFile(validFrontMatter('silent'), '') });
    expect(message).toContain(`${path.join(dir, 'silent.md')}: body: missing`);
  });

  it('rejects an id that differs from the file name', async () => {
    const { dir, message } = await loadError({ 'renamed.md': promptFile(validFrontMatter('original')) });
    expect(message).toContain(`${path.join(dir, 'renamed.md')}: id: "original" differs from the file name`);
  });

  it('rejects two files with the same id, naming both', async () => {
    const { dir, message } = await loadError({
      'alpha.md': promptFile(validFrontMatter('alpha')),
      'beta.md': promptFile(validFrontMatter('alpha')),
    });
    expect(message).toContain(`${path.join(dir, 'beta.md')}: id: "alpha" is already the id of ${path.join(dir, 'alpha.md')}`);
  });

  it('reports every broken file at once', async () => {
    const { dir, message } = await loadError({
      'one.md': 'no front matter',
      'two.md': promptFile({ ...validFrontMatter('two'), difficulty: 'extreme' }),
      'three.md': promptFile(validFrontMatter('three')),
    });
    expect(message).toContain(`${path.join(dir, 'one.md')}: front matter:`);
    expect(message).toContain(`${path.join(dir, 'two.md')}: difficulty:`);
    expect(message).not.toContain('three.md');
  });
});
