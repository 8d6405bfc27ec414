/** The formats {@link importDesign} reads. */
export const IMPORT_FORMATS = ['designdoc', 'mermaid', 'excalidraw'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

const BY_EXTENSION: ReadonlyArray<readonly [RegExp, ImportFormat]> = [
  [/\.excalidraw(\.json)?$/i, 'excalidraw'],
  [/\.(mmd|mermaid)$/i, 'mermaid'],
  [/\.(md|markdown)$/i, 'designdoc'],
];

/**
 * The format of a file: its extension when it names one, else its content. JSON is Excalidraw,
 * text whose first statement is `flowchart`/`graph` is Mermaid, and Markdown (front matter,
 * headings or a fenced block) is a design doc. Null when nothing fits.
 */
export function detectFormat(text: string, filename?: string): ImportFormat | null {
  if (filename) {
    for (const [pattern, format] of BY_EXTENSION) if (pattern.test(filename)) return format;
  }
  // The start of a file decides; reading all of an oversized one would only delay its size error.
  const body = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) return 'excalidraw';
  const first = firstStatement(body);
  if (first !== undefined && /^(flowchart|graph)\b/.test(first)) return 'mermaid';
  if (/^---\s*$/m.test(body.split('\n', 1)[0] ?? '') || /^#{1,6}\s/m.test(body) || /^```/m.test(body)) return 'designdoc';
  return null;
}

/** The first line that is neither blank nor a `%%` comment, skipping a Mermaid `---` config block. */
function firstStatement(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  if (lines[i] === '---') {
    const end = lines.indexOf('---', i + 1);
    // A closing `---` followed by Markdown is front matter, not a Mermaid config block.
    if (end < 0) return undefined;
    i = end + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line !== '' && !line.startsWith('%%')) return line;
  }
  return undefined;
}
