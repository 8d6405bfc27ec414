import { LineCounter, parseDocument, isMap, isScalar, stringify } from 'yaml';
import { boardMetaSchema, type BoardMeta } from '../board/schema';
import { DesignDocError, type DesignDocWarning } from './errors';

/** The front matter keys the board keeps; others are reported and ignored. */
const META_KEYS = ['prompt', 'title', 'phase'] as const;

/** The result of reading front matter: the meta and the index of the first body line. */
export interface FrontMatter {
  meta: BoardMeta;
  /** Index (0-based) into the file's lines where the Markdown body starts. */
  bodyStart: number;
  present: boolean;
}

const FENCE = /^---\s*$/;
const CLOSE = /^(---|\.\.\.)\s*$/;

/**
 * Reads the YAML front matter at the top of the file. Throws `NO_FRONT_MATTER` when it is
 * required and absent, `BAD_FRONT_MATTER` (with the line) when it is unclosed, not YAML, not
 * a mapping, or holds a value of the wrong type.
 */
export function readFrontMatter(lines: readonly string[], required: boolean, warnings: DesignDocWarning[]): FrontMatter {
  if (!FENCE.test(lines[0] ?? '')) {
    if (required) throw new DesignDocError('NO_FRONT_MATTER', 'the file has no YAML front matter (a "---" block with "prompt:" at the top)', 1);
    return { meta: {}, bodyStart: 0, present: false };
  }
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) throw new DesignDocError('BAD_FRONT_MATTER', 'the front matter opened here is never closed with "---"', 1);

  const source = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // Front matter starts on file line 2, so YAML line n is file line n + 1.
  const fileLine = (offset: number): number => counter.linePos(offset).line + 1;
  const firstError = doc.errors[0];
  if (firstError) {
    const message = firstError.message.split('\n')[0] ?? 'invalid YAML';
    throw new DesignDocError('BAD_FRONT_MATTER', `front matter is not valid YAML: ${message}`, fileLine(firstError.pos[0]));
  }
  const meta: Record<string, string> = {};
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { meta, bodyStart: close + 1, present: true };
  }
  if (!isMap(doc.contents)) {
    throw new DesignDocError('BAD_FRONT_MATTER', 'front matter must be a mapping of keys such as "prompt:" and "title:"', 2);
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const line = fileLine(isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0);
    if (!(META_KEYS as readonly string[]).includes(key)) {
      warnings.push({ line, message: `front matter key "${key}" is not used and is ignored` });
      continue;
    }
    const valueNode = pair.value;
    const value: unknown = isScalar(valueNode) ? valueNode.value : valueNode === null ? null : undefined;
    if (value === null || value === '') continue;
    // A bare number (`title: 2024`) is text the author meant; anything else is a mistake.
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new DesignDocError('BAD_FRONT_MATTER', `front matter "${key}" must be text`, line);
    }
    meta[key] = String(value);
  }
  const parsed = boardMetaSchema.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const line = pair && isScalar(pair.key) && pair.key.range ? fileLine(pair.key.range[0]) : 2;
    throw new DesignDocError('BAD_FRONT_MATTER', `front matter "${key}" is invalid: ${issue?.message ?? 'bad value'}`, line);
  }
  return { meta: parsed.data, bodyStart: close + 1, present: true };
}

/** The front matter block for a board's meta, fences included. */
export function formatFrontMatter(meta: BoardMeta): string {
  const data: Record<string, string> = {};
  for (const key of META_KEYS) {
    const value = meta[key];
    if (value !== undefined && value !== '') data[key] = value;
  }
  const body = Object.keys(data).length === 0 ? '' : stringify(data, { lineWidth: 0 });
  return `---\n${body}---\n`;
}
