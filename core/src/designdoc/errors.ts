/**
 * Errors and warnings of the design-doc parser. Errors stop the import (nothing is written);
 * warnings describe what was skipped or changed so that nothing is lost silently.
 */

/** Why a design doc was refused. Stable: the server maps them to HTTP statuses and the CLI prints them. */
export type DesignDocErrorCode =
  | 'NOT_TEXT'
  | 'TOO_LARGE'
  | 'NO_FRONT_MATTER'
  | 'BAD_FRONT_MATTER'
  | 'MISSING_PROMPT'
  | 'INVALID_BOARD';

/** Something the parser skipped, repaired or could not understand, with its 1-based line in the whole file. */
export interface DesignDocWarning {
  line: number;
  message: string;
}

/** A design doc that cannot become a board. `line` is 1-based in the whole file, when there is one. */
export class DesignDocError extends Error {
  readonly code: DesignDocErrorCode;
  readonly line: number | undefined;

  constructor(code: DesignDocErrorCode, message: string, line?: number) {
    // The line goes into the message too, so a caller that only prints `message` still names it.
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'DesignDocError';
    this.code = code;
    this.line = line;
  }
}
