import type { SectionId } from '../board/sections';
import type { DesignDocWarning } from './errors';
import { matchHeading } from './headings';
import { isFlowchart, type SourceLine } from './mermaid';

/**
 * The Markdown half of the parser: finds fenced code blocks, `##` headings outside them, and the
 * board diagram, and cuts the body into section texts. Headings inside code fences are text.
 */

const HEADING = /^ {0,3}##(?:[ \t]+([\s\S]*))?$/;
const LAYOUT_MARK = /^\s*%%\s*designroom-layout\s*:/;
const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})([\s\S]*)$/;

interface Fence {
  /** Index of the opening line in `lines`. */
  open: number;
  /** Index of the closing line, or `lines.length` when the block runs to the end. */
  close: number;
  info: string;
}

/** Fenced code blocks of the body, in order. A fence closes with the same character, at least as long. */
export function findFences(lines: readonly SourceLine[]): Fence[] {
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = OPEN_FENCE.exec(lines[i]?.text ?? '');
    if (!m) continue;
    const marker = m[1] ?? '```';
    const info = (m[2] ?? '').trim();
    if (marker.startsWith('`') && info.includes('`')) continue;
    const closeRe = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let close = i + 1;
    while (close < lines.length && !closeRe.test(lines[close]?.text ?? '')) close++;
    fences.push({ open: i, close, info });
    i = close;
  }
  return fences;
}

/** The board diagram's lines (without fences) and where it sits in the body. */
export interface Diagram {
  open: number;
  close: number;
  lines: SourceLine[];
}

/** The body cut into section texts (the diagram already removed) plus the diagram itself. */
export interface SplitBody {
  sections: Partial<Record<SectionId, string>>;
  /** File line of the first heading of each section, for error messages. */
  sectionLines: Partial<Record<SectionId, number>>;
  diagram: Diagram | null;
  /** A leading `# Title` line, offered as the title when the front matter has none. */
  h1?: string;
}

/**
 * `## Title ##` → `Title`. A loop, not a regex: patterns like `/[ \t]+#+$/` backtrack
 * quadratically on long runs of spaces or hashes.
 */
function stripClosingHashes(heading: string): string {
  let end = heading.length;
  while (end > 0 && heading[end - 1] === '#') end--;
  if (end === heading.length) return heading;
  if (end === 0) return '';
  const before = heading[end - 1];
  return before === ' ' || before === '\t' ? heading.slice(0, end).trim() : heading;
}

/** Removes one backslash from a line the formatter escaped so it would not read as a `##` heading. */
function unescapeHeading(text: string): string {
  return text.replace(/^( {0,3})\\(\\*##(?:[ \t]|$))/, '$1$2');
}

/** Adds one backslash to lines of section text that would otherwise start a new section. */
export function escapeHeadings(text: string): string {
  const lines = text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
  const inFence = fenceMask(lines);
  return lines
    .map((l, i) => (inFence[i] ? l.text : l.text.replace(/^( {0,3})(\\*##(?:[ \t]|$))/, '$1\\$2')))
    .join('\n');
}

function fenceMask(lines: readonly SourceLine[]): boolean[] {
  const mask = lines.map(() => false);
  for (const fence of findFences(lines)) for (let i = fence.open; i <= Math.min(fence.close, lines.length - 1); i++) mask[i] = true;
  return mask;
}

/** True when the text ends inside an unclosed code fence (it would swallow the next heading). */
export function endsInOpenFence(text: string): string | null {
  const lines = text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
  const last = findFences(lines).at(-1);
  if (!last || last.close < lines.length) return null;
  const marker = /^ {0,3}(`{3,}|~{3,})/.exec(lines[last.open]?.text ?? '')?.[1];
  return marker ?? null;
}

/** Section text from its lines: escapes undone, leading blank lines and trailing space dropped. */
function toText(lines: readonly SourceLine[], inFence: readonly boolean[], offset: number): string {
  return lines
    .map((l, i) => (inFence[offset + i] ? l.text : unescapeHeading(l.text)))
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

/**
 * Splits the body into sections. The first ```mermaid block whose content is a flowchart is the
 * board diagram; it is cut out of its section, and the text before and after it stays.
 */
export function splitBody(lines: readonly SourceLine[], warnings: DesignDocWarning[]): SplitBody {
  const fences = findFences(lines);
  const inFence = fenceMask(lines);
  const flowcharts = fences
    .filter((f) => /^mermaid\b/i.test(f.info))
    .map((f) => ({ open: f.open, close: f.close, lines: lines.slice(f.open + 1, f.close) }))
    .filter((d) => isFlowchart(d.lines));
  // The contract takes the first flowchart. A file this formatter wrote marks its own diagram,
  // so a flowchart quoted in an earlier section's text cannot take the board's place.
  const diagram: Diagram | null =
    flowcharts.find((d) => d.lines.some((l) => LAYOUT_MARK.test(l.text))) ?? flowcharts[0] ?? null;
  if (diagram && diagram.close >= lines.length) {
    warnings.push({ line: lines[diagram.open]?.line ?? 1, message: 'the mermaid block is never closed; it runs to the end of the file' });
  }

  const chunks: { id: SectionId; heading: string | null; line: number; start: number; end: number }[] = [];
  let start = 0;
  let current: { id: SectionId; heading: string | null; line: number } = { id: 'notes', heading: null, line: lines[0]?.line ?? 1 };
  lines.forEach((l, i) => {
    const m = inFence[i] ? null : HEADING.exec(l.text);
    if (!m) return;
    chunks.push({ ...current, start, end: i });
    const heading = stripClosingHashes((m[1] ?? '').trim());
    const matched = matchHeading(heading);
    current = { id: matched ?? 'notes', heading: matched ? null : heading, line: l.line };
    start = i + 1;
  });
  chunks.push({ ...current, start, end: lines.length });

  const result: SplitBody = { sections: {}, sectionLines: {}, diagram };
  const pieces = new Map<SectionId, string[]>();
  chunks.forEach((chunk, index) => {
    const parts: string[] = [];
    const slice = (from: number, to: number): string => toText(lines.slice(from, to), inFence, from);
    if (diagram && diagram.open >= chunk.start && diagram.open < chunk.end) {
      parts.push(slice(chunk.start, diagram.open), slice(Math.min(diagram.close + 1, chunk.end), chunk.end));
    } else parts.push(slice(chunk.start, chunk.end));
    let text = parts.filter((p) => p !== '').join('\n\n');
    if (index === 0) {
      const h1 = /^# ([\s\S]+)$/.exec(text.split('\n')[0] ?? '');
      if (h1) {
        result.h1 = (h1[1] ?? '').trim();
        text = text.split('\n').slice(1).join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
      }
    }
    // An unknown heading keeps its name as a sub-heading of the notes, so nothing is lost.
    if (chunk.heading) text = text === '' ? `### ${chunk.heading}` : `### ${chunk.heading}\n\n${text}`;
    if (text === '') return;
    const list = pieces.get(chunk.id) ?? [];
    list.push(text);
    pieces.set(chunk.id, list);
    if (result.sectionLines[chunk.id] === undefined) result.sectionLines[chunk.id] = chunk.line;
  });
  for (const [id, list] of pieces) result.sections[id] = list.join('\n\n');
  return result;
}
