import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRubrics } from '../../../server/src/data/rubrics';
import { RUBRICS_DIR } from './helpers';

const PROMPTS = ['url-shortener', 'rate-limiter', 'notification-service', 'order-system', 'chat-messaging', 'news-feed', 'file-storage', 'web-crawler'];
const temps: string[] = [];

async function copyWith(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rubrics-'));
  temps.push(dir);
  for (const file of await readdir(RUBRICS_DIR)) await writeFile(path.join(dir, file), await readFile(path.join(RUBRICS_DIR, file)));
  await writeFile(path.join(dir, name), content);
  return dir;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadRubrics', () => {
  it('loads the generic rubric, the follow-up bank and every prompt', async () => {
    const rubrics = await loadRubrics(RUBRICS_DIR);
    expect(rubrics.generic.items.map((i) => i.id)).toHaveLength(8);
    expect(rubrics.promptIds()).toEqual([...PROMPTS].sort());
    for (const id of PROMPTS) expect(rubrics.forPrompt(id)?.prompt).toBe(id);
    const probed = new Set(rubrics.followUpBank.followUps.map((f) => f.item));
    expect(probed.size).toBeGreaterThanOrEqual(5);
    for (const id of ['url-shortener', 'rate-limiter', 'notification-service', 'order-system']) {
      const items = Object.values(rubrics.forPrompt(id)?.items ?? {});
      expect(items.length, id).toBe(8);
      expect(items.reduce((n, item) => n + (item?.checks.length ?? 0), 0), id).toBeGreaterThanOrEqual(15);
    }
  });

  it('fails naming the file and the field path', async () => {
    const broken = (await readFile(path.join(RUBRICS_DIR, 'rate-limiter.yaml'), 'utf8')).replace('type: concept', 'type: telepathy');
    const dir = await copyWith('rate-limiter.yaml', broken);
    await expect(loadRubrics(dir)).rejects.toThrow(/rate-limiter\.yaml: items\.requirements\.checks\.0\.type/);
  });

  it('refuses a prompt file whose id differs from its name, and unknown cap references', async () => {
    const dir = await copyWith('web-crawler.yaml', (await readFile(path.join(RUBRICS_DIR, 'web-crawler.yaml'), 'utf8')).replace('prompt: web-crawler', 'prompt: spider'));
    await expect(loadRubrics(dir)).rejects.toThrow(/web-crawler\.yaml: prompt: "spider" differs/);
    const generic = (await readFile(path.join(RUBRICS_DIR, 'generic.yaml'), 'utf8')).replace('unlessAll: [non-functional]', 'unlessAll: [telepathy]');
    const dir2 = await copyWith('generic.yaml', generic);
    await expect(loadRubrics(dir2)).rejects.toThrow(/generic\.yaml: items\.0\.caps\.0\.0: unknown check id "telepathy"/);
  });

  it('refuses items out of contract order', async () => {
    const generic = (await readFile(path.join(RUBRICS_DIR, 'generic.yaml'), 'utf8')).replace('  - id: requirements\n', '  - id: estimation-x\n');
    const dir = await copyWith('generic.yaml', generic);
    await expect(loadRubrics(dir)).rejects.toThrow(/generic\.yaml: items\.0\.id/);
  });
});
