import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { curveballPresetsSchema, presetsFor, soloPreset } from '../../core/src/prompt/curveballs';
import { loadCurveballs } from '../../server/src/data/curveballs';
import { DEFAULT_PROMPTS_DIR, loadPrompts } from '../../server/src/data/prompts';
import { CurveballService } from '../../server/src/reviewers/curveballs';

describe('curveball presets', () => {
  it('loads the presets file: generic ones for every prompt, a prompt\'s own only for it, a solo preset for every prompt', async () => {
    const presets = loadCurveballs();
    const prompts = await loadPrompts(DEFAULT_PROMPTS_DIR);
    for (const { id } of prompts.list()) {
      expect(presetsFor(presets, id).map((p) => p.id)).toContain('traffic-10x');
      expect(soloPreset(presets, id), id).toBeDefined();
    }
    expect(presetsFor(presets, 'url-shortener').map((p) => p.id)).toContain('links-expire');
    expect(presetsFor(presets, 'rate-limiter').map((p) => p.id)).not.toContain('links-expire');
    expect(presetsFor(presets, 'url-shortener').find((p) => p.id === 'traffic-10x')?.effect).toEqual({ traffic: 10 });
  });

  it('refuses a solo entry naming an unknown preset, and a prompt preset reusing a generic id', () => {
    const base = { version: 1, generic: [{ id: 'traffic-10x', text: 'Ten times', item: 'scaling' }], solo: { default: 'traffic-10x' } };
    expect(curveballPresetsSchema.safeParse(base).success).toBe(true);
    expect(curveballPresetsSchema.safeParse({ ...base, solo: { default: 'nope' } }).success).toBe(false);
    expect(curveballPresetsSchema.safeParse({ ...base, prompts: { x: [{ id: 'traffic-10x', text: 'again', item: 'scaling' }] } }).success).toBe(false);
    expect(curveballPresetsSchema.safeParse(parse('version: 1\ngeneric: []\nsolo: {default: a}')).success).toBe(false);
  });

  it('in solo practice the reviewer gives its curveball when the prompt\'s deep dive begins', async () => {
    const prompts = await loadPrompts(DEFAULT_PROMPTS_DIR);
    const service = new CurveballService({ presets: loadCurveballs() } as unknown as ConstructorParameters<typeof CurveballService>[0]);
    const prompt = prompts.get('url-shortener')!;
    const before = prompt.phases.slice(0, prompt.phases.findIndex((p) => p.id === 'deep-dive')).reduce((s, p) => s + p.minutes, 0);
    expect(service.soloPlan(prompt, 'url-shortener')).toMatchObject({ minute: before, preset: { id: 'links-expire' } });
    expect(service.soloPlan(prompts.get('news-feed'), 'news-feed')?.preset.id).toBe('traffic-10x');
  });
});
