import type { NodeKind } from '../board/kinds';
import type { EdgeMode } from '../board/schema';
import type { DesignDocWarning } from './errors';
import { isBoardId, sanitizeId, uniqueId } from './ids';
import { inferKind, kindFromClass, type MermaidShape } from './kinds';
import { decodeEntities } from './labels';
import { readStatement, splitStatements, type NodeRef } from './mermaid-syntax';

/** Flowchart directions; `TD` and `TB` are the same. */
export type FlowDirection = 'LR' | 'RL' | 'TB' | 'BT';

/** A node read from the diagram, with its board id and 1-based file line. */
export interface MermaidNode {
  id: string;
  label: string;
  kind: NodeKind;
  shape: MermaidShape;
  parent?: string;
  /** True for a `subgraph`. */
  group: boolean;
  line: number;
}

/** An edge read from the diagram, in document order (ids are assigned later). */
export interface MermaidEdge {
  source: string;
  target: string;
  label: string;
  mode: EdgeMode;
  line: number;
}

/** A `%% designroom-<name>: <json>` line, kept for the annotations reader. */
export interface MermaidAnnotation {
  name: string;
  json: string;
  line: number;
}

/** What a flowchart block holds, as board-ready pieces. */
export interface MermaidGraph {
  direction: FlowDirection;
  nodes: MermaidNode[];
  edges: MermaidEdge[];
  annotations: MermaidAnnotation[];
  warnings: DesignDocWarning[];
}

/** One line of the block with its number in the whole file. */
export interface SourceLine {
  text: string;
  line: number;
}

/** True when the block's first statement is `flowchart` or `graph`, i.e. it is a board diagram. */
export function isFlowchart(lines: readonly SourceLine[]): boolean {
  const first = withoutConfig(lines).find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('%%'));
  return first !== undefined && /^(flowchart|graph)\b/.test(first.text.trim());
}

/**
 * The lines after Mermaid's own `---` config block (title, theme), when the diagram starts
 * with one. That block configures rendering only, so it is skipped without a warning.
 */
function withoutConfig(lines: readonly SourceLine[]): readonly SourceLine[] {
  const start = lines.findIndex((l) => l.text.trim() !== '');
  if (start < 0 || lines[start]?.text.trim() !== '---') return lines;
  const end = lines.findIndex((l, i) => i > start && l.text.trim() === '---');
  return end < 0 ? lines : lines.slice(end + 1);
}

/** Styling only: the formatter regenerates what matters, so these are skipped without a warning. */
const STYLE_STATEMENT = /^(classDef|style|linkStyle)(\s|$)/;
const ANNOTATION = /^%%\s*designroom-([a-z-]+)\s*:\s*([\s\S]*)$/;

interface Draft {
  id: string;
  label: string;
  shape: MermaidShape;
  classes: string[];
  parent?: string;
  group: boolean;
  line: number;
}

/**
 * Parses the lines of a ```mermaid block (without its fences). Never throws: anything it cannot
 * read becomes a warning naming the line, and the rest of the diagram is still used.
 */
export function parseMermaid(lines: readonly SourceLine[]): MermaidGraph {
  const warnings: DesignDocWarning[] = [];
  const annotations: MermaidAnnotation[] = [];
  const drafts = new Map<string, Draft>();
  const edges: MermaidEdge[] = [];
  const idMap = new Map<string, string>();
  const taken = new Set<string>();
  const stack: { id: string; line: number }[] = [];
  let direction: FlowDirection = 'TB';
  let headerSeen = false;

  const resolve = (raw: string, line: number): string => {
    const known = idMap.get(raw);
    if (known !== undefined) return known;
    let id = raw;
    if (!isBoardId(raw) || taken.has(raw)) {
      id = uniqueId(sanitizeId(raw), taken);
      warnings.push({ line, message: `node id "${raw}" is not a valid board id; it is imported as "${id}"` });
    }
    idMap.set(raw, id);
    taken.add(id);
    return id;
  };

  const touch = (ref: NodeRef, line: number): string => {
    const id = resolve(ref.raw, line);
    let draft = drafts.get(id);
    if (!draft) {
      draft = { id, label: decodeEntities(ref.raw), shape: 'none', classes: [], group: false, line };
      drafts.set(id, draft);
    }
    if (ref.label !== undefined) {
      draft.label = ref.label;
      draft.shape = ref.shape;
    }
    draft.classes.push(...ref.classes);
    // A node belongs to the first subgraph that mentions it (definition or edge end).
    const open = stack[stack.length - 1];
    if (open && draft.parent === undefined && open.id !== id) draft.parent = open.id;
    return id;
  };

  const openSubgraph = (rest: string, line: number): void => {
    const header = readSubgraphHeader(rest);
    const id = header.raw !== undefined ? resolve(header.raw, line) : uniqueId(sanitizeId(header.title.trim()), taken);
    taken.add(id);
    if (stack.some((s) => s.id === id)) {
      warnings.push({ line, message: `subgraph "${id}" is nested inside itself; its inner block is merged into it` });
      stack.push({ id, line });
      return;
    }
    const existing = drafts.get(id);
    const draft: Draft = existing ?? { id, label: header.title, shape: 'none', classes: [], group: true, line };
    draft.group = true;
    draft.label = header.title;
    const outer = stack[stack.length - 1];
    if (outer && draft.parent === undefined) draft.parent = outer.id;
    drafts.set(id, draft);
    stack.push({ id, line });
  };

  for (const { text, line } of withoutConfig(lines)) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('%%')) {
      const note = ANNOTATION.exec(trimmed);
      if (note) annotations.push({ name: note[1] ?? '', json: note[2] ?? '', line });
      continue;
    }
    if (!headerSeen) {
      headerSeen = true;
      const header = /^(?:flowchart|graph)(?:[ \t]+(LR|RL|TD|TB|BT))?[ \t]*;?$/.exec(trimmed);
      if (header) {
        direction = header[1] === 'TD' || header[1] === undefined ? 'TB' : (header[1] as FlowDirection);
        continue;
      }
      warnings.push({ line, message: `unsupported flowchart header "${clip(trimmed)}"; direction TB is used` });
      if (/^(flowchart|graph)\b/.test(trimmed)) continue;
    }
    for (const statement of splitStatements(trimmed)) {
      const keyword = /^(\w+)(?:\s+([\s\S]*))?$/.exec(statement);
      const word = keyword?.[1];
      const rest = keyword?.[2] ?? '';
      // A keyword followed by a link or `&` is a node that happens to be called like one.
      const isNode = rest !== '' && /^(?:[<xo]?[-=.~]{2}|&|:::)/.test(rest);
      if (word === 'end' && rest === '') {
        if (stack.pop() === undefined) warnings.push({ line, message: '"end" without an open subgraph is ignored' });
        continue;
      }
      if (word === 'subgraph' && !isNode) {
        openSubgraph(rest, line);
        continue;
      }
      if (word === 'direction' && /^(LR|RL|TD|TB|BT)$/.test(rest)) continue;
      if (STYLE_STATEMENT.test(statement) && !isNode) continue;
      if (word === 'class' && !isNode) {
        applyClassStatement(rest, line);
        continue;
      }
      if (word === 'click' && !isNode) {
        warnings.push({ line, message: `click actions are not kept: "${clip(statement)}"` });
        continue;
      }
      const parsed = readStatement(statement);
      if (!parsed) {
        warnings.push({ line, message: `unsupported flowchart statement ignored: "${clip(statement)}"` });
        continue;
      }
      const groups = parsed.groups.map((group) => group.map((ref) => touch(ref, line)));
      parsed.links.forEach((link, i) => {
        if (link.invisible) {
          warnings.push({ line, message: 'invisible link (~~~) only affects layout; no edge is created' });
          return;
        }
        for (const source of groups[i] ?? []) {
          for (const target of groups[i + 1] ?? []) edges.push({ source, target, label: link.label, mode: link.mode, line });
        }
      });
    }
  }
  for (const open of stack) warnings.push({ line: open.line, message: `subgraph "${open.id}" is never closed with "end"` });

  function applyClassStatement(rest: string, line: number): void {
    const m = /^(\S+)\s+([\p{L}\p{N}_-]+)$/u.exec(rest.trim());
    if (!m) {
      warnings.push({ line, message: `unsupported class statement ignored: "class ${clip(rest)}"` });
      return;
    }
    if (!kindFromClass(m[2] ?? '')) return;
    for (const raw of (m[1] ?? '').split(',')) {
      const draft = drafts.get(idMap.get(raw) ?? '');
      if (draft) draft.classes.push(m[2] ?? '');
      else warnings.push({ line, message: `class statement names unknown node "${raw}"` });
    }
  }

  const nodes = [...drafts.values()].map((d) => toNode(d, drafts, warnings));
  return { direction, nodes, edges, annotations, warnings: warnings.sort((a, b) => a.line - b.line) };
}

function toNode(draft: Draft, drafts: ReadonlyMap<string, Draft>, warnings: DesignDocWarning[]): MermaidNode {
  const explicit = draft.classes.map(kindFromClass).find((k) => k !== null);
  const kind = draft.group ? (explicit ?? 'group') : inferKind(draft.label, draft.shape, draft.classes);
  const node: MermaidNode = { id: draft.id, label: draft.label, kind, shape: draft.shape, group: draft.group, line: draft.line };
  if (draft.parent !== undefined) {
    if (formsCycle(draft.id, drafts)) {
      warnings.push({ line: draft.line, message: `"${draft.id}" would be inside itself; it is kept outside its subgraph` });
    } else node.parent = draft.parent;
  }
  return node;
}

function formsCycle(id: string, drafts: ReadonlyMap<string, Draft>): boolean {
  // Only a cycle through `id` itself counts; a node below a cycle keeps its own parent.
  const seen = new Set<string>();
  let current = drafts.get(id)?.parent;
  while (current !== undefined) {
    if (current === id) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = drafts.get(current)?.parent;
  }
  return false;
}

/** `subgraph id [Title]`, `subgraph id["Title"]`, `subgraph id`, `subgraph "Title"`, `subgraph Free title`. */
function readSubgraphHeader(rest: string): { raw?: string; title: string } {
  const text = rest.trim();
  // Two simple patterns rather than one with alternatives: the combined form backtracks badly.
  const quotedTitle = /^([^\s[\]"]+)\s*\[\s*"([^"]*)"\s*\]$/.exec(text);
  if (quotedTitle) return { raw: quotedTitle[1] ?? '', title: decodeEntities(quotedTitle[2] ?? '') };
  const plainTitle = /^([^\s[\]"]+)\s*\[([^\]"]*)\]$/.exec(text);
  if (plainTitle) return { raw: plainTitle[1] ?? '', title: decodeEntities((plainTitle[2] ?? '').trim()) };
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return { title: decodeEntities(quoted[1] ?? '') };
  if (/^\S+$/.test(text)) return { raw: text, title: decodeEntities(text) };
  return { title: decodeEntities(text) };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
