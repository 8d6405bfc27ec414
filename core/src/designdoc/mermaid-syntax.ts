import type { EdgeMode } from '../board/schema';
import type { MermaidShape } from './kinds';
import { decodeEntities } from './labels';

/**
 * The lexical half of the flowchart parser: node references, links and statement splitting.
 * Every reader takes a string and a position and returns what it read plus the new position,
 * or null when the text there is not that construct (the caller then reports the line).
 */

/** A node as written in a statement: `id`, `id[label]`, `id[(label)]:::kind`, ... */
export interface NodeRef {
  raw: string;
  shape: MermaidShape;
  /** Undefined for a bare id (Mermaid then shows the id). */
  label?: string;
  classes: string[];
}

/** A link between node groups: its mode, label, and whether it draws anything at all. */
export interface LinkRef {
  mode: EdgeMode;
  label: string;
  invisible: boolean;
}

interface Read<T> {
  value: T;
  end: number;
}

/** Openers and closers, longest opener first so `([` is not read as `(`. */
const SHAPES: ReadonlyArray<readonly [string, readonly (readonly [string, MermaidShape])[]]> = [
  ['(((', [[')))', 'double-circle']]],
  ['((', [['))', 'circle']]],
  ['([', [['])', 'stadium']]],
  ['(', [[')', 'round']]],
  ['[(', [[')]', 'cylinder']]],
  ['[[', [[']]', 'subroutine']]],
  ['[/', [['/]', 'parallelogram'], ['\\]', 'trapezoid']]],
  ['[\\', [['\\]', 'parallelogram-alt'], ['/]', 'trapezoid-alt']]],
  ['[', [[']', 'rect']]],
  ['{{', [['}}', 'hexagon']]],
  ['{', [['}', 'rhombus']]],
  ['>', [[']', 'asymmetric']]],
];

/** How the formatter writes each shape (the first closer of each opener). */
export const SHAPE_SYNTAX: Readonly<Record<Exclude<MermaidShape, 'none'>, readonly [string, string]>> = {
  'double-circle': ['(((', ')))'],
  circle: ['((', '))'],
  stadium: ['([', '])'],
  round: ['(', ')'],
  cylinder: ['[(', ')]'],
  subroutine: ['[[', ']]'],
  parallelogram: ['[/', '/]'],
  trapezoid: ['[/', '\\]'],
  'parallelogram-alt': ['[\\', '\\]'],
  'trapezoid-alt': ['[\\', '/]'],
  rect: ['[', ']'],
  hexagon: ['{{', '}}'],
  rhombus: ['{', '}'],
  asymmetric: ['>', ']'],
};

/** The position after any spaces and tabs at `pos`. */
export function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** Where a link operator starts: an id stops there even without a space (`a-->b`). */
function startsLink(text: string, pos: number): boolean {
  const two = text.slice(pos, pos + 2);
  return two === '--' || two === '-.' || two === '==' || text.startsWith('~~~', pos) || /^<(-|=)/.test(text.slice(pos, pos + 2));
}

const ID_STOP = new Set([' ', '\t', '[', ']', '(', ')', '{', '}', '>', '<', '&', ';', '|', '"', '`', ',', '@']);

/** Reads a node id as Mermaid does: up to whitespace, a shape, `:::`, `&`, or a link operator. */
export function readId(text: string, pos: number): Read<string> | null {
  const start = pos;
  while (pos < text.length && !ID_STOP.has(text.charAt(pos)) && !text.startsWith(':::', pos) && !(pos > start && startsLink(text, pos))) {
    pos++;
  }
  return pos > start ? { value: text.slice(start, pos), end: pos } : null;
}

/** A label between `open` and one of the closers; quoted labels may contain any closer. */
function readShape(text: string, pos: number): Read<{ shape: MermaidShape; label: string }> | null {
  for (const [open, closers] of SHAPES) {
    if (!text.startsWith(open, pos)) continue;
    const inner = pos + open.length;
    if (text[inner] === '"') {
      const endQuote = text.indexOf('"', inner + 1);
      if (endQuote < 0) continue;
      const after = skipSpaces(text, endQuote + 1);
      const closer = closers.find(([c]) => text.startsWith(c, after));
      if (!closer) continue;
      return { value: { shape: closer[1], label: unquote(text.slice(inner + 1, endQuote)) }, end: after + closer[0].length };
    }
    let best: { at: number; closer: readonly [string, MermaidShape] } | null = null;
    for (const closer of closers) {
      const at = text.indexOf(closer[0], inner);
      if (at >= 0 && (best === null || at < best.at)) best = { at, closer };
    }
    // No closer for a long opener: `a[/api/v1]` is a plain box whose label starts with "/".
    if (!best) continue;
    return {
      value: { shape: best.closer[1], label: decodeEntities(text.slice(inner, best.at).trim()) },
      end: best.at + best.closer[0].length,
    };
  }
  return null;
}

/** A quoted label's content: entities decoded, Mermaid's markdown-string backticks removed. */
function unquote(inner: string): string {
  const md = /^`([\s\S]*)`$/.exec(inner);
  return decodeEntities(md ? (md[1] ?? '') : inner);
}

/** Reads `id`, an optional shape with label, and any `:::class` suffixes. */
export function readNodeRef(text: string, pos: number): Read<NodeRef> | null {
  const id = readId(text, pos);
  if (!id) return null;
  const node: NodeRef = { raw: id.value, shape: 'none', classes: [] };
  let end = id.end;
  const shape = readShape(text, end);
  if (shape) {
    node.shape = shape.value.shape;
    node.label = shape.value.label;
    end = shape.end;
  }
  for (;;) {
    const cls = /^:::([\p{L}\p{N}_-]+)/u.exec(text.slice(end));
    if (!cls) break;
    node.classes.push(cls[1] ?? '');
    end += cls[0].length;
  }
  return { value: node, end };
}

/** `a & b & c`: one or more node references joined by `&`. */
export function readNodeGroup(text: string, pos: number): Read<NodeRef[]> | null {
  const nodes: NodeRef[] = [];
  for (;;) {
    const ref = readNodeRef(text, skipSpaces(text, pos));
    if (!ref) return null;
    nodes.push(ref.value);
    pos = skipSpaces(text, ref.end);
    if (text[pos] !== '&') return { value: nodes, end: ref.end };
    pos++;
  }
}

const HEAD = '(?:>|[xo](?=[\\s|]|$))';
const SIMPLE_LINKS: ReadonlyArray<readonly [RegExp, EdgeMode, boolean]> = [
  [new RegExp(`^[<xo]?-{2,}${HEAD}`), 'sync', false],
  [new RegExp(`^[<xo]?={2,}${HEAD}`), 'sync', false],
  [new RegExp(`^[<xo]?-\\.+-${HEAD}?`), 'async', false],
  [/^-{3,}/, 'sync', false],
  [/^={3,}/, 'sync', false],
  [/^~{3,}/, 'sync', true],
];

/** Links with the label inside the operator: `-- text -->`, `-. text .->`, `== text ==>`. */
const TEXT_LINKS: ReadonlyArray<readonly [RegExp, RegExp, EdgeMode]> = [
  // The lookbehinds make each search start only at the beginning of a run of `-`, `.` or `=`;
  // without them a long run backtracks quadratically.
  [/^<?--(?![->])/, new RegExp(`(?<!-)-{2,}${HEAD}|(?<!-)-{3,}`), 'sync'],
  [/^<?-\.(?![-.])/, new RegExp(`(?<!\\.)\\.+-${HEAD}?`), 'async'],
  [/^<?==(?![=>])/, new RegExp(`(?<!=)={2,}${HEAD}|(?<!=)={3,}`), 'sync'],
];

/** Reads a link operator and its label (`-->|label|` or `-- label -->`). */
export function readLink(text: string, pos: number): Read<LinkRef> | null {
  pos = skipSpaces(text, pos);
  const rest = text.slice(pos);
  let link: Read<LinkRef> | null = null;
  for (const [re, mode, invisible] of SIMPLE_LINKS) {
    const m = re.exec(rest);
    if (m) {
      link = { value: { mode, label: '', invisible }, end: pos + m[0].length };
      break;
    }
  }
  if (!link) {
    for (const [startRe, endRe, mode] of TEXT_LINKS) {
      const start = startRe.exec(rest);
      if (!start) continue;
      const close = endRe.exec(rest.slice(start[0].length));
      if (!close) return null;
      const raw = rest.slice(start[0].length, start[0].length + close.index).trim();
      const quoted = /^"([\s\S]*)"$/.exec(raw);
      const label = quoted ? unquote(quoted[1] ?? '') : decodeEntities(raw);
      return { value: { mode, label, invisible: false }, end: pos + start[0].length + close.index + close[0].length };
    }
    return null;
  }
  const pipeAt = skipSpaces(text, link.end);
  if (text[pipeAt] === '|') {
    const label = readPipeLabel(text, pipeAt + 1);
    if (!label) return null;
    link.value.label = label.value;
    link.end = label.end;
  }
  return link;
}

function readPipeLabel(text: string, pos: number): Read<string> | null {
  const inner = skipSpaces(text, pos);
  if (text[inner] === '"') {
    const endQuote = text.indexOf('"', inner + 1);
    if (endQuote < 0) return null;
    const close = skipSpaces(text, endQuote + 1);
    if (text[close] !== '|') return null;
    return { value: unquote(text.slice(inner + 1, endQuote)), end: close + 1 };
  }
  const close = text.indexOf('|', pos);
  if (close < 0) return null;
  return { value: decodeEntities(text.slice(pos, close).trim()), end: close + 1 };
}

/**
 * Splits a line into `;`-separated statements, ignoring semicolons inside quotes, shapes and
 * edge-label pipes. Returns the trimmed, non-empty statements.
 */
export function splitStatements(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let piped = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '[' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === ')' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '|' && depth === 0) piped = !piped;
    else if (ch === ';' && depth === 0 && !piped) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A statement `group (link group)*`: `links[i]` joins `groups[i]` to `groups[i + 1]`. */
export interface StatementRef {
  groups: NodeRef[][];
  links: LinkRef[];
}

/** Reads a whole node/edge statement, or null when any part of it does not read (all or nothing). */
export function readStatement(text: string): StatementRef | null {
  const first = readNodeGroup(text, 0);
  if (!first) return null;
  const groups = [first.value];
  const links: LinkRef[] = [];
  let pos = first.end;
  for (;;) {
    pos = skipSpaces(text, pos);
    if (pos >= text.length) return { groups, links };
    const link = readLink(text, pos);
    if (!link) return null;
    const next = readNodeGroup(text, link.end);
    if (!next) return null;
    links.push(link.value);
    groups.push(next.value);
    pos = next.end;
  }
}
