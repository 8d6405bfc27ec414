/** An error the CLI reports as one line on stderr, with the exit status it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit statuses: 0 done, 1 bad input, 2 bad usage or an unavailable feature. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;
