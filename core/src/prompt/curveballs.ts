/** The curveball presets file (`curveballs/presets.yaml`), validated on load. */
import { z } from 'zod';
import { rubricItemIdEnum } from '../rubric/schema';
import { curveballEffectSchema } from '../protocol/reviewer';

export const curveballPresetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  text: z.string().trim().min(1).max(300),
  item: rubricItemIdEnum,
  effect: curveballEffectSchema.optional(),
});
export type CurveballPreset = z.infer<typeof curveballPresetSchema>;

export const curveballPresetsSchema = z
  .strictObject({
    version: z.literal(1),
    generic: z.array(curveballPresetSchema).min(1),
    prompts: z.record(z.string(), z.array(curveballPresetSchema)).default({}),
    /** The preset the reviewer gives in solo practice, per prompt id, with a `default`. */
    solo: z.record(z.string(), z.string()).refine((v) => 'default' in v, 'needs a "default" entry'),
  })
  .superRefine((value, ctx) => {
    const generic = new Set(value.generic.map((p) => p.id));
    for (const [prompt, presets] of Object.entries(value.prompts)) {
      for (const p of presets) if (generic.has(p.id)) ctx.addIssue({ code: 'custom', path: ['prompts', prompt], message: `"${p.id}" is already a generic preset` });
    }
    for (const [prompt, id] of Object.entries(value.solo)) {
      const known = generic.has(id) || (value.prompts[prompt] ?? []).some((p) => p.id === id);
      if (!known) ctx.addIssue({ code: 'custom', path: ['solo', prompt], message: `unknown preset "${id}"` });
    }
  });
export type CurveballPresets = z.infer<typeof curveballPresetsSchema>;

/** The presets that fit a prompt: the generic ones, then the prompt's own. */
export function presetsFor(presets: CurveballPresets, promptId: string): CurveballPreset[] {
  return [...presets.generic, ...(presets.prompts[promptId] ?? [])];
}

/** The preset the reviewer gives in solo practice for this prompt. */
export function soloPreset(presets: CurveballPresets, promptId: string): CurveballPreset | undefined {
  const id = presets.solo[promptId] ?? presets.solo.default;
  return presetsFor(presets, promptId).find((p) => p.id === id);
}
