/**
 * Import: a design from elsewhere as a board. Reads design-doc Markdown, a Mermaid flowchart on
 * its own, and Excalidraw drawings. Pure and browser-safe: the client applies imports locally
 * with it, the server and the CLI use it too.
 */
import type { Board } from '../board/schema';
import { DesignDocError } from '../designdoc/errors';
import { DEFAULT_MAX_BYTES } from '../designdoc/input';
import { parseDesignDoc } from '../designdoc/parse';
import { detectFormat, type ImportFormat } from './detect';
import { ImportError } from './errors';
import { importExcalidraw } from './excalidraw';
import { importMermaidText } from './mermaid-text';

export { IMPORT_FORMATS, detectFormat, isImportFormat, type ImportFormat } from './detect';
export { ImportError, type ImportErrorCode } from './errors';
export { excalidrawFileSchema, excalidrawElementSchema, MAX_EXCALIDRAW_ELEMENTS, type ExcalidrawFile, type ExcalidrawElement } from './excalidraw-schema';

/** Largest text file (design doc, Mermaid) {@link importDesign} reads, in UTF-8 bytes, unless told otherwise. */
export const IMPORT_MAX_BYTES = DEFAULT_MAX_BYTES;
/** Largest Excalidraw file: higher, as a drawing carries its pasted images inline (they are listed as unmapped, not kept). */
export const EXCALIDRAW_MAX_BYTES = 10 * 1024 * 1024;

/** What the caller knows about the input besides its text. */
export interface ImportHint {
  /** The file's name: its extension decides the format when it names one. */
  filename?: string;
  /** The format, when the caller knows it; wins over the name and the content. */
  format?: ImportFormat;
  /** Size limit in UTF-8 bytes. Default {@link IMPORT_MAX_BYTES}, {@link EXCALIDRAW_MAX_BYTES} for a drawing. */
  maxBytes?: number;
}

/** A board ready to replace or merge into a document, and what did not make it across. */
export interface ImportResult {
  /** Valid per the board schema. */
  board: Board;
  format: ImportFormat;
  /** What was skipped, repaired or cut, each naming its line (text formats) or element (Excalidraw). */
  warnings: string[];
  /** Things in the input with no place on a board, each named so the user can redo them by hand. */
  unmapped: string[];
}

/**
 * Reads a design in any supported format into a board. Throws {@link ImportError} (with a
 * stable `code` and, for text formats, the `line`) when the input cannot become a board;
 * never returns a board that fails the board schema.
 */
export function importDesign(text: string, hint: ImportHint = {}): ImportResult {
  const format = hint.format ?? detectFormat(text, hint.filename);
  if (format === null) {
    throw new ImportError(
      'UNKNOWN_FORMAT',
      'cannot tell the format: expected a design doc (Markdown), a Mermaid flowchart ("flowchart LR" ...) or an Excalidraw drawing (JSON)',
    );
  }
  const maxBytes = hint.maxBytes ?? (format === 'excalidraw' ? EXCALIDRAW_MAX_BYTES : IMPORT_MAX_BYTES);
  try {
    if (format === 'excalidraw') return { format, ...importExcalidraw(text, maxBytes) };
    if (format === 'mermaid') {
      const { board, warnings } = importMermaidText(text, maxBytes);
      return { board, format, warnings: warnings.map((w) => `line ${w.line}: ${w.message}`), unmapped: [] };
    }
    const { board, warnings } = parseDesignDoc(text, { maxBytes, requireFrontMatter: false });
    return { board, format, warnings: warnings.map((w) => `line ${w.line}: ${w.message}`), unmapped: [] };
  } catch (error) {
    if (error instanceof DesignDocError) {
      // Keep the message as the parser wrote it (it already names the line).
      const wrapped = new ImportError(error.code, error.message, error.line);
      throw wrapped;
    }
    throw error;
  }
}
