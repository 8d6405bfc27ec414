/**
 * The prompt library loader: reads every `*.md` in `design-prompts/`, splits the YAML
 * front matter from the Markdown body, validates it with the schema from core, and fails
 * at start-up with the file and field at fault rather than serving a half-valid library.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  promptBodySchema,
  promptFrontMatterSchema,
  toPromptSummary,
  type Prompt,
  type PromptSummary,
} from '../../../core/src/prompt/schema';

export type { Prompt, PromptSummary };

export interface PromptLibrary {
  /** Every prompt, sorted by id. */
  list(): PromptSummary[];
  get(id: string): Prompt | undefined;
}

/** `design-prompts/` at the repository root. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../../design-prompts/', import.meta.url));

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** One problem in one file; `field` is a dotted path such as `followUps.2.item`. */
interface Problem {
  file: string;
  field: string;
  message: string;
}

/** Splits `---\nYAML\n---\nbody`; the body keeps its Markdown, minus surrounding blank lines. */
export function splitFrontMatter(source: string): { frontMatter: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(source);
  if (!match) return undefined;
  return { frontMatter: match[1] ?? '', body: source.slice(match[0].length).trim() };
}

function fieldPath(segments: readonly PropertyKey[]): string {
  return segments.length === 0 ? 'front matter' : segments.map(String).join('.');
}

/** Needs `reportInput: true` on the parse, so an absent field can be told from a wrong one. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined;
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, field: fieldPath([...issue.path, key]), message: 'unknown field' }))
      : [{ file, field: fieldPath(issue.path), message: isMissing(issue) ? 'required but missing' : issue.message }],
  );
}

/** Parses one file's text; returns the prompt, or the problems found in it. */
export function parsePromptFile(file: string, source: string): Prompt | Problem[] {
  const parts = splitFrontMatter(source);
  if (!parts) {
    return [{ file, field: 'front matter', message: 'missing or unterminated: the file must start with a "---" line, then YAML, then a closing "---" line' }];
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(parts.frontMatter, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      file,
      field: 'front matter',
      // +1 for the opening "---" line, so the number points into the file.
      message: `invalid YAML at line ${lineCounter.linePos(error.pos[0]).line + 1}: ${error.message}`,
    }));
  }
  const result = promptFrontMatterSchema.safeParse(document.toJS(), { reportInput: true });
  const problems = result.success ? [] : zodProblems(file, result.error);
  const body = promptBodySchema.safeParse(parts.body);
  if (!body.success) {
    const message = parts.body === '' ? 'missing: the problem statement goes after the front matter' : body.error.issues[0]?.message;
    problems.push({ file, field: 'body', message: message ?? 'invalid' });
  }
  if (!result.success || !body.success) return problems;
  return { ...result.data, body: body.data };
}

/** How a file is named in messages: relative to the working directory when it lies inside it. */
function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * Loads and validates every `*.md` prompt in `dir`. Throws one Error listing every problem,
 * one per line as `FILE: FIELD: message`, when any file is invalid, an id differs from its
 * file name, or two files share an id.
 */
export async function loadPrompts(dir: string): Promise<PromptLibrary> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const problems: Problem[] = [];
  const byId = new Map<string, { prompt: Prompt; file: string }>();

  for (const name of names) {
    const file = displayName(path.join(dir, name));
    const parsed = parsePromptFile(file, await readFile(path.join(dir, name), 'utf8'));
    if (Array.isArray(parsed)) {
      problems.push(...parsed);
      continue;
    }
    const previous = byId.get(parsed.id);
    if (previous) {
      problems.push({ file, field: 'id', message: `"${parsed.id}" is already the id of ${previous.file}` });
      continue;
    }
    const expected = name.slice(0, -'.md'.length);
    if (parsed.id !== expected) {
      problems.push({ file, field: 'id', message: `"${parsed.id}" differs from the file name; expected "${expected}"` });
    }
    byId.set(parsed.id, { prompt: parsed, file });
  }

  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`);
    throw new Error(`Invalid prompt library in ${displayName(dir)}:\n${lines.join('\n')}`);
  }
  if (byId.size === 0) throw new Error(`No prompts (*.md) found in ${displayName(dir)}`);

  const prompts = [...byId.values()].map((entry) => entry.prompt).sort((a, b) => a.id.localeCompare(b.id));
  const summaries = prompts.map(toPromptSummary);
  return {
    list: () => summaries.map((summary) => ({ ...summary, tags: [...summary.tags] })),
    get: (id) => byId.get(id)?.prompt,
  };
}
