/** `designroom import FILE [--format designdoc|mermaid|excalidraw]`: any supported design as a design doc on stdout. */
import { formatDesignDoc } from '../../../core/src/designdoc/index';
import { ImportError, importDesign, isImportFormat, IMPORT_FORMATS, type ImportFormat } from '../../../core/src/import';
import { CliError, EXIT } from './errors';
import { readDesignFile } from './load';
import type { CommandOutput } from './review';

export function importFormatOf(value: string | undefined): ImportFormat {
  if (isImportFormat(value)) return value;
  throw new CliError(`--format needs ${IMPORT_FORMATS.join(', ')}${value === undefined ? '' : `, not "${value}"`}`, EXIT.usage);
}

/**
 * Converts the file; warnings and what could not be mapped go to stderr, one per line, so
 * stdout is only the design doc and can be redirected to a file. Nothing is written on error.
 */
export async function importCommand(options: { file: string; format?: ImportFormat }): Promise<CommandOutput> {
  const { file } = options;
  const bytes = await readDesignFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: the file is not UTF-8 text [NOT_TEXT]`, EXIT.badInput);
  }
  try {
    const result = importDesign(text, { filename: file, ...(options.format ? { format: options.format } : {}) });
    const stderr = [
      ...result.warnings.map((w) => `warning: ${file}: ${w}\n`),
      ...result.unmapped.map((u) => `not imported: ${file}: ${u}\n`),
    ].join('');
    return { stdout: formatDesignDoc(result.board), stderr, code: EXIT.ok };
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`${file}: ${error.message} [${error.code}]`, EXIT.badInput);
    throw error;
  }
}
