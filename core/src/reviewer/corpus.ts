/**
 * The board's texts cut into units the checks read: one unit per sentence of a section (a
 * word list stays one unit, flagged), per node label, per sentence of node notes, per edge
 * label. Each unit keeps the ref it came from, so evidence points back into the board.
 */
import type { Board } from '../board/schema';
import type { SectionId } from '../board/sections';
import { findNumbers, type FoundNumber } from './numbers';
import { hasReason, isWordList, keyed, sentences, wordCount } from './text';

export type UnitSource = SectionId | 'nodes' | 'edges';

export interface TextUnit {
  ref: string;
  source: UnitSource;
  text: string;
  /** Stemmed tokens, padded: see text.ts `keyed`. */
  key: string;
  /** Part of a comma-separated word list: names things, explains nothing. */
  list: boolean;
  /** A node or edge label (not notes): shows presence on the board, not an explanation. */
  label: boolean;
  /** A sentence with at least four words that is not part of a word list. */
  substantive: boolean;
  numbers: FoundNumber[];
  /** The whole line (bullet or paragraph) the unit came from, and its index in the section. */
  line: string;
  lineIndex: number;
}

export interface Corpus {
  units: TextUnit[];
  bySource: Map<UnitSource, TextUnit[]>;
  /** Section ids whose text is (almost) only word lists. */
  wordListSections: Set<SectionId>;
  /** Section ids with some text. */
  sectionsPresent: Set<SectionId>;
}

/** Two or more comma-separated fragments of at most three words each, with no reason given. */
function isFragmentLine(line: string): boolean {
  const parts = line.split(/[,;]|\band\b/).map((p) => p.trim()).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => wordCount(p) <= 3) && !hasReason(line);
}

function sectionLines(text: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line.length === 0 || /^\|?\s*:?-{3,}/.test(line) || /^#+\s*$/.test(line)) continue;
    lines.push(line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^#+\s+/, ''));
  }
  return lines;
}

/** One unit of text with its ref and flags (answers use it too). */
export function makeUnit(ref: string, source: UnitSource, text: string, line: string, lineIndex: number, list: boolean, label: boolean): TextUnit {
  const numbers = label ? [] : findNumbers(text);
  return {
    ref,
    source,
    text,
    key: keyed(text),
    list,
    label,
    substantive: !list && !label && wordCount(text) >= 4,
    numbers,
    line,
    lineIndex,
  };
}

export function buildCorpus(board: Board): Corpus {
  const units: TextUnit[] = [];
  const wordListSections = new Set<SectionId>();
  const sectionsPresent = new Set<SectionId>();

  for (const [id, text] of Object.entries(board.sections) as Array<[SectionId, string | undefined]>) {
    if (!text || text.trim().length === 0) continue;
    const ref = `section:${id}`;
    let listWords = 0;
    let allWords = 0;
    const lines = sectionLines(text);
    lines.forEach((line, lineIndex) => {
      const words = wordCount(line);
      allWords += words;
      if (isWordList(line)) {
        listWords += words;
        units.push(makeUnit(ref, id, line, line, lineIndex, true, false));
        return;
      }
      const parts = line.includes('|') && line.startsWith('|') ? [line.replace(/\|/g, ' ')] : sentences(line);
      for (const sentence of parts) units.push(makeUnit(ref, id, sentence, line, lineIndex, false, false));
    });
    // A bullet list of one-to-three-word lines is a word list too, spread over lines.
    const sectionUnits = units.filter((u) => u.ref === ref);
    const shortLines = lines.filter((line) => wordCount(line) <= 3 && !hasReason(line));
    if (lines.length >= 4 && shortLines.length / lines.length >= 0.7) {
      for (const unit of sectionUnits) {
        // In a list of names, a line of short comma fragments ("Scalable, fast, highly available") is more of the list.
        if (wordCount(unit.line) <= 3 || isFragmentLine(unit.line)) {
          unit.list = true;
          unit.substantive = false;
          listWords += wordCount(unit.text);
        }
      }
    }
    if (allWords > 0) sectionsPresent.add(id);
    if (allWords > 0 && listWords / allWords >= 0.7) wordListSections.add(id);
  }

  for (const node of board.nodes) {
    const ref = `node:${node.id}`;
    if (node.label.trim()) units.push(makeUnit(ref, 'nodes', node.label, node.label, 0, false, true));
    const notes = node.notes.trim();
    if (notes) {
      sectionLines(notes).forEach((line, lineIndex) => {
        const list = isWordList(line);
        const parts = list ? [line] : sentences(line);
        for (const sentence of parts) units.push(makeUnit(ref, 'nodes', sentence, line, lineIndex + 1, list, false));
      });
    }
    for (const [key, value] of Object.entries(node.props)) {
      if (value.trim()) units.push(makeUnit(ref, 'nodes', `${key}: ${value}`, `${key}: ${value}`, 0, false, true));
    }
  }
  for (const edge of board.edges) {
    if (edge.label.trim()) units.push(makeUnit(`edge:${edge.id}`, 'edges', edge.label, edge.label, 0, false, true));
  }

  const bySource = new Map<UnitSource, TextUnit[]>();
  for (const unit of units) {
    const list = bySource.get(unit.source);
    if (list) list.push(unit);
    else bySource.set(unit.source, [unit]);
  }
  return { units, bySource, wordListSections, sectionsPresent };
}

/** Units in the given sources (all units when `where` is undefined). */
export function unitsIn(corpus: Corpus, where: readonly UnitSource[] | undefined): TextUnit[] {
  if (!where) return corpus.units;
  const out: TextUnit[] = [];
  for (const source of where) {
    const list = corpus.bySource.get(source);
    if (list) out.push(...list);
  }
  return out;
}
