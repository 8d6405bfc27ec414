import { boardSchema, type Board } from '../board/schema';
import { assembleGraph } from '../designdoc/assemble';
import { DesignDocError, type DesignDocWarning } from '../designdoc/errors';
import { readText } from '../designdoc/input';
import { isFlowchart, parseMermaid } from '../designdoc/mermaid';
import { ImportError } from './errors';

/**
 * A Mermaid flowchart on its own (a `.mmd` file, or the inside of a README's ```mermaid block)
 * as a board with no sections. Uses the design doc's own Mermaid reader, so what a design doc
 * accepts in its diagram is exactly what is accepted here, with the same line-numbered warnings.
 */
export function importMermaidText(input: string, maxBytes: number): { board: Board; warnings: DesignDocWarning[] } {
  const text = readText(input, maxBytes);
  let lines = text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
  // Pasted straight from Markdown: the fences are not part of the diagram.
  const open = lines.findIndex((l) => l.text.trim() !== '');
  if (open >= 0 && /^(```|~~~)\s*mermaid\s*$/i.test(lines[open]?.text.trim() ?? '')) {
    const close = lines.findIndex((l, i) => i > open && /^(```|~~~)\s*$/.test(l.text.trim()));
    lines = lines.slice(open + 1, close < 0 ? undefined : close);
  }
  if (!isFlowchart(lines)) {
    throw new ImportError('NO_DIAGRAM', 'the text is not a Mermaid flowchart: its first statement must be "flowchart" or "graph"', lines[0]?.line);
  }
  const graph = parseMermaid(lines);
  const warnings = [...graph.warnings];
  const { nodes, edges } = assembleGraph(graph, warnings);
  const parsed = boardSchema.safeParse({ meta: {}, nodes, edges, sections: {}, comments: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DesignDocError('INVALID_BOARD', `the diagram does not make a valid board: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { board: parsed.data, warnings: warnings.sort((a, b) => a.line - b.line) };
}
