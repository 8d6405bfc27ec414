/** Loads `curveballs/presets.yaml`; a problem fails start-up with the field at fault. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { curveballPresetsSchema, type CurveballPresets } from '../../../core/src/prompt/curveballs';

export const DEFAULT_CURVEBALLS_FILE = fileURLToPath(new URL('../../../curveballs/presets.yaml', import.meta.url));

/** Synchronous: read once while the app is built, like the rest of its set-up. */
export function loadCurveballs(file = DEFAULT_CURVEBALLS_FILE): CurveballPresets {
  const parsed = curveballPresetsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${problems}`);
  }
  return parsed.data;
}
