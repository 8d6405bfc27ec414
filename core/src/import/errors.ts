import type { DesignDocErrorCode } from '../designdoc/errors';

/** Why an import was refused. Stable: the server maps them to HTTP statuses and the CLI prints them. */
export type ImportErrorCode = DesignDocErrorCode | 'UNKNOWN_FORMAT' | 'BAD_EXCALIDRAW' | 'NO_DIAGRAM';

/** A file that cannot become a board. Nothing is applied when this is thrown. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly line: number | undefined;

  constructor(code: ImportErrorCode, message: string, line?: number) {
    // The line goes into the message too, so a caller that only prints `message` still names it.
    super(line === undefined || message.startsWith(`line ${line}:`) ? message : `line ${line}: ${message}`);
    this.name = 'ImportError';
    this.code = code;
    this.line = line;
  }
}
