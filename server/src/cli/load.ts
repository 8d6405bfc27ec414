/**
 * Reading what the commands need: a design doc from disk (parsed into a board), the rubrics
 * and the prompt library. Every failure becomes a one-line CliError naming the problem.
 */
import { readFile } from 'node:fs/promises';
import type { Board } from '../../../core/src/board/schema';
import { DesignDocError, parseDesignDoc } from '../../../core/src/designdoc/index';
import type { ReviewPrompt } from '../../../core/src/reviewer/index';
import { DEFAULT_PROMPTS_DIR, loadPrompts, type PromptLibrary } from '../data/prompts';
import { DEFAULT_RUBRICS_DIR, loadRubrics, type LoadedRubrics } from '../data/rubrics';
import { CliError, EXIT } from './errors';

export interface LoadedDesign {
  board: Board;
  /** Parser warnings, each as "line N: message". */
  warnings: string[];
  /** 1-based line of `prompt:` in the front matter. */
  promptLine: number;
}

export interface Library {
  rubrics: LoadedRubrics;
  prompts: PromptLibrary | undefined;
  /** Why the prompt library could not be read, when it could not. */
  promptsProblem?: string;
}

export async function loadLibrary(): Promise<Library> {
  let rubrics: LoadedRubrics;
  try {
    rubrics = await loadRubrics(process.env.DESIGNROOM_RUBRICS_DIR ?? DEFAULT_RUBRICS_DIR);
  } catch (error) {
    throw new CliError(`cannot load the rubrics: ${oneLine(error)}`, EXIT.badInput);
  }
  try {
    const prompts = await loadPrompts(process.env.DESIGNROOM_PROMPTS_DIR ?? DEFAULT_PROMPTS_DIR);
    return { rubrics, prompts };
  } catch (error) {
    // The rubrics alone still review a design; the prompts only add follow-up questions.
    return { rubrics, prompts: undefined, promptsProblem: oneLine(error) };
  }
}

/** The file's bytes, or a one-line CliError naming the file and what is wrong with it. */
export async function readDesignFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${file}: no such file`, EXIT.badInput);
    if (code === 'EISDIR') throw new CliError(`${file}: is a directory, not a design file`, EXIT.badInput);
    throw new CliError(`${file}: cannot read: ${oneLine(error)}`, EXIT.badInput);
  }
}

export async function loadDesign(file: string, options: { requirePrompt?: boolean } = {}): Promise<LoadedDesign> {
  const bytes = await readDesignFile(file);
  try {
    const requirePrompt = options.requirePrompt ?? true;
    const { board, warnings } = parseDesignDoc(bytes, { requirePrompt, requireFrontMatter: requirePrompt });
    const diagramProblem = brokenDiagram(bytes, board, warnings);
    if (diagramProblem) throw new CliError(`${file}: ${diagramProblem}`, EXIT.badInput);
    const promptLine = new TextDecoder().decode(bytes).split(/\r?\n/).findIndex((l) => /^\s*prompt\s*:/.test(l)) + 1;
    return { board, warnings: warnings.map((w) => `line ${w.line}: ${w.message}`), promptLine: promptLine > 0 ? promptLine : 1 };
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof DesignDocError) throw new CliError(`${file}: ${error.message} [${error.code}]`, EXIT.badInput);
    throw new CliError(`${file}: ${oneLine(error)}`, EXIT.badInput);
  }
}

/** A Mermaid block that yields no node at all is broken, not merely partly unsupported. */
function brokenDiagram(bytes: Uint8Array, board: Board, warnings: ReadonlyArray<{ line: number; message: string }>): string | undefined {
  if (board.nodes.length > 0) return undefined;
  const text = new TextDecoder().decode(bytes);
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*(```|~~~)\s*mermaid\b/.test(l));
  if (start < 0) return undefined;
  const body = lines.slice(start + 1, start + 40).filter((l) => !/^\s*(```|~~~)/.test(l));
  if (body.every((l) => l.trim() === '' || l.trim().startsWith('%%'))) return undefined;
  const first = warnings.find((w) => w.line > start) ?? warnings[0];
  return first ? `line ${first.line}: the Mermaid diagram could not be read: ${first.message}` : `line ${start + 1}: the Mermaid diagram has no readable nodes`;
}

/** The prompt a design names, refused when neither the prompt library nor the rubrics know it. */
export function resolvePrompt(design: LoadedDesign, library: Library, file: string): ReviewPrompt {
  const id = design.board.meta.prompt ?? '';
  const prompt = library.prompts?.get(id);
  if (prompt) return prompt;
  if (library.rubrics.forPrompt(id)) return { id };
  const known = [...new Set([...(library.prompts?.list().map((p) => p.id) ?? []), ...library.rubrics.promptIds()])].sort();
  throw new CliError(`${file}: line ${design.promptLine}: unknown prompt "${id}" (known: ${known.join(', ')})`, EXIT.badInput);
}

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').filter((l) => l.trim()).join('; ');
}
