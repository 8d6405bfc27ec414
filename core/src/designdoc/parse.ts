import { BOARD_LIMITS, boardSchema, type Board } from '../board/schema';
import { SECTION_IDS } from '../board/sections';
import { assembleGraph } from './assemble';
import { DesignDocError, type DesignDocWarning } from './errors';
import { readFrontMatter } from './frontmatter';
import { DEFAULT_MAX_BYTES, readText } from './input';
import { splitBody } from './markdown';
import { parseMermaid, type MermaidGraph } from './mermaid';
import { withoutReviewTrailer } from './trailer';

/** Options of {@link parseDesignDoc}. */
export interface ParseDesignDocOptions {
  /** Refuse a file whose front matter names no prompt (`review` needs one). Default false. */
  requirePrompt?: boolean;
  /** Size limit in UTF-8 bytes. Default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** Refuse a file without front matter. Default true, as the contract requires it. */
  requireFrontMatter?: boolean;
}

/** A parsed design doc: a valid board and what was skipped or repaired on the way. */
export interface ParsedDesignDoc {
  board: Board;
  /** Sorted by line. */
  warnings: DesignDocWarning[];
}

const EMPTY_GRAPH: MermaidGraph = { direction: 'LR', nodes: [], edges: [], annotations: [], warnings: [] };

/**
 * Parses a design doc (docs/design-doc-format.md) into a board. Bytes are decoded as strict
 * UTF-8. Throws {@link DesignDocError} for a file that cannot become a board; everything
 * else it cannot use is reported in `warnings` with its line, never dropped silently.
 */
export function parseDesignDoc(input: string | Uint8Array, opts: ParseDesignDocOptions = {}): ParsedDesignDoc {
  const text = readText(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const lines = text.split('\n');
  const warnings: DesignDocWarning[] = [];
  const front = readFrontMatter(lines, opts.requireFrontMatter ?? true, warnings);
  const body = withoutReviewTrailer(
    lines.slice(front.bodyStart).map((t, i) => ({ text: t, line: front.bodyStart + i + 1 })),
    warnings,
  );
  const split = splitBody(body, warnings);

  const meta = { ...front.meta };
  if (split.h1 !== undefined) {
    if (meta.title === undefined && split.h1.length <= 200) meta.title = split.h1;
    else if (meta.title !== split.h1) split.sections.notes = [`# ${split.h1}`, split.sections.notes].filter((s) => s).join('\n\n');
  }
  if (opts.requirePrompt && !meta.prompt) {
    throw new DesignDocError('MISSING_PROMPT', 'the front matter names no prompt ("prompt: <prompt id>")', 1);
  }

  const graph = split.diagram ? parseMermaid(split.diagram.lines) : EMPTY_GRAPH;
  warnings.push(...graph.warnings);
  const { nodes, edges } = assembleGraph(graph, warnings);

  for (const id of SECTION_IDS) {
    const length = split.sections[id]?.length ?? 0;
    if (length > BOARD_LIMITS.maxSectionLength) {
      throw new DesignDocError(
        'INVALID_BOARD',
        `section "${id}" has ${length} characters; the limit is ${BOARD_LIMITS.maxSectionLength}`,
        split.sectionLines[id],
      );
    }
  }
  const parsed = boardSchema.safeParse({ meta, nodes, edges, sections: split.sections, comments: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DesignDocError('INVALID_BOARD', `the design does not make a valid board: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { board: parsed.data, warnings: warnings.sort((a, b) => a.line - b.line) };
}
