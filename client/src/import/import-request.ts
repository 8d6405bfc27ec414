/**
 * The import waiting for the user's decision: text from a file (picker or drop) or from a paste.
 * The dialog that shows it is loaded lazily, so whoever asks for an import only touches this
 * small store.
 */
import { create } from 'zustand';

export interface ImportRequest {
  text: string;
  /** The file's name when it came from a file; it helps to tell the format apart. */
  filename?: string;
  /** Where it came from, for the dialog's wording. */
  source: 'file' | 'paste';
}

export const useImportRequest = create<{ request: ImportRequest | null; picking: boolean }>(() => ({ request: null, picking: false }));

/** Shows what `request` would import and asks replace or merge. */
export function requestImport(request: ImportRequest): void {
  useImportRequest.setState({ request, picking: false });
}

/** Opens the import dialog at its first step: choose a file or paste text. */
export function openImportPicker(): void {
  useImportRequest.setState({ request: null, picking: true });
}

export function closeImport(): void {
  useImportRequest.setState({ request: null, picking: false });
}

/** Reads a chosen or dropped file and asks to import it; too large a file is refused before it is read. */
export async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`);
  }
  requestImport({ text: await file.text(), filename: file.name, source: 'file' });
}

/**
 * Files larger than the largest the parser takes (core's EXCALIDRAW_MAX_BYTES) are refused before
 * they are read. A literal: importing the constant would pull the parsers, and `yaml`, into the
 * board's main chunk; a unit test keeps the two equal.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Whether pasted text looks like something the importer reads (a design doc, a Mermaid
 * flowchart, an Excalidraw scene), so Ctrl+V of such text offers an import instead of doing
 * nothing. The parser itself decides for good; this only avoids loading it for any text.
 */
export function looksImportable(text: string): boolean {
  const head = text.trimStart().slice(0, 4000);
  if (head.startsWith('---') || /^```mermaid\b/m.test(head) || /^#{1,2} /m.test(head)) return true;
  if (/^(flowchart|graph)(\s|$)/.test(head)) return true;
  // Excalidraw writes "excalidraw" in a file and "excalidraw/clipboard" when it copies shapes.
  return head.startsWith('{') && /"type"\s*:\s*"excalidraw(\/clipboard)?"/.test(head);
}
