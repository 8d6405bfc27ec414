/**
 * Loads `rubrics/`: `generic.yaml` (the eight items), `followups.yaml` (the shared question
 * bank) and one `<prompt-id>.yaml` per prompt. Every file is validated with zod; any problem
 * fails the load with one line per problem naming the file and the field path.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  followUpBankSchema,
  genericRubricSchema,
  promptRubricSchema,
  type FollowUpBank,
  type GenericRubric,
  type PromptRubric,
  type RubricSet,
} from '../../../core/src/rubric/schema';

/** `rubrics/` at the repository root. */
export const DEFAULT_RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics/', import.meta.url));

export interface LoadedRubrics extends RubricSet {
  /** Prompt ids that have a rubric file, sorted. */
  promptIds(): string[];
}

export class RubricLoadError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'RubricLoadError';
  }
}

function issues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

async function readYaml(dir: string, name: string, problems: string[]): Promise<unknown> {
  try {
    return parseYaml(await readFile(path.join(dir, name), 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push(`${name}: (file): ${message}`);
    return undefined;
  }
}

export async function loadRubrics(dir: string = DEFAULT_RUBRICS_DIR): Promise<LoadedRubrics> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const problems: string[] = [];
  let generic: GenericRubric | undefined;
  let bank: FollowUpBank | undefined;
  const prompts = new Map<string, PromptRubric>();

  if (!names.includes('generic.yaml')) problems.push('generic.yaml: (file): missing');
  if (!names.includes('followups.yaml')) problems.push('followups.yaml: (file): missing');

  for (const name of names) {
    const data = await readYaml(dir, name, problems);
    if (data === undefined) continue;
    if (name === 'generic.yaml') {
      const parsed = genericRubricSchema.safeParse(data);
      if (parsed.success) generic = parsed.data;
      else problems.push(...issues(name, parsed.error));
    } else if (name === 'followups.yaml') {
      const parsed = followUpBankSchema.safeParse(data);
      if (parsed.success) bank = parsed.data;
      else problems.push(...issues(name, parsed.error));
    } else {
      const parsed = promptRubricSchema.safeParse(data);
      if (!parsed.success) {
        problems.push(...issues(name, parsed.error));
        continue;
      }
      const expected = name.replace(/\.ya?ml$/, '');
      if (parsed.data.prompt !== expected) problems.push(`${name}: prompt: "${parsed.data.prompt}" differs from the file name; expected "${expected}"`);
      else prompts.set(parsed.data.prompt, parsed.data);
    }
  }

  if (generic) {
    // A prompt's checks share the id space of the generic item they extend.
    for (const [id, rubric] of prompts) {
      for (const [itemId, extra] of Object.entries(rubric.items)) {
        const item = generic.items.find((i) => i.id === itemId);
        const known = new Set(item?.checks.map((c) => c.id));
        extra?.checks.forEach((check, index) => {
          if (known.has(check.id)) problems.push(`${id}.yaml: items.${itemId}.checks.${index}.id: "${check.id}" is already a generic check id`);
          known.add(check.id);
        });
        const genericIds = new Set(item?.checks.map((c) => c.id));
        for (const ref of [...(extra?.skip ?? []), ...Object.keys(extra?.advice ?? {})]) {
          if (!genericIds.has(ref)) problems.push(`${id}.yaml: items.${itemId}: skip/advice names "${ref}", which is not a generic check of ${itemId}`);
        }
        extra?.caps.forEach((cap, index) => {
          [...cap.unlessAll, ...cap.unlessAny].forEach((ref, j) => {
            if (ref !== '@key' && !known.has(ref)) problems.push(`${id}.yaml: items.${itemId}.caps.${index}.${j}: unknown check id "${ref}"`);
          });
        });
      }
    }
  }

  if (problems.length > 0 || !generic || !bank) {
    throw new RubricLoadError(`Invalid rubrics in ${dir}:\n${problems.join('\n')}`, problems);
  }
  const genericRubric = generic;
  const followUpBank = bank;
  const ids = [...prompts.keys()].sort();
  return {
    generic: genericRubric,
    followUpBank,
    forPrompt: (id) => prompts.get(id),
    promptIds: () => [...ids],
  };
}
