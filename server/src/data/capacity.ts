/**
 * Loads `rubrics/capacity.yaml`, the traffic model's capacity defaults, validated with
 * the schema from core. Any problem fails the load with one line per problem naming the file
 * and the field path, like the rubric loader it is called from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { capacityDefaultsSchema, type CapacityDefaults } from '../../../core/src/traffic/defaults';

/** The defaults' file name in the rubrics directory; it is not a prompt's rubric. */
export const CAPACITY_FILE = 'capacity.yaml';

/** Reads and validates the defaults; returns them, or the problems found (never both). */
export async function readCapacityDefaults(rubricsDir: string): Promise<{ defaults?: CapacityDefaults; problems: string[] }> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(path.join(rubricsDir, CAPACITY_FILE), 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [`${CAPACITY_FILE}: (file): ${message}`] };
  }
  const parsed = capacityDefaultsSchema.safeParse(data);
  if (parsed.success) return { defaults: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => `${CAPACITY_FILE}: ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`),
  };
}
