/**
 * The `designroom` command line. Each command returns its output and exit status; this file
 * only parses arguments, prints, and turns errors into one line on stderr.
 */
import { CliError, EXIT } from './errors';
import { evalCommand } from './eval';
import { reviewFormatOf, type ReviewFormat } from './export';
import { HELP } from './help';
import { importCommand, importFormatOf } from './import';
import { oneLine } from './load';
import { reviewCommand, type CommandOutput } from './review';

export async function run(argv: readonly string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { stdout: HELP, stderr: '', code: EXIT.ok };
  }
  if (command === 'review') {
    let json = false;
    let reviewer = 'rules';
    let format: ReviewFormat | undefined;
    const files: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i] as string;
      if (arg === '--json') json = true;
      else if (arg === '--reviewer') {
        const value = rest[++i];
        if (value === undefined) throw new CliError('--reviewer needs a value: rules or openai', EXIT.usage);
        reviewer = value;
      } else if (arg.startsWith('--reviewer=')) reviewer = arg.slice('--reviewer='.length);
      else if (arg === '--format') format = reviewFormatOf(rest[++i]);
      else if (arg.startsWith('--format=')) format = reviewFormatOf(arg.slice('--format='.length));
      else if (arg.startsWith('-')) throw new CliError(`unknown option "${arg}" (see designroom help)`, EXIT.usage);
      else files.push(arg);
    }
    if (files.length !== 1) throw new CliError('review takes exactly one FILE.md (see designroom help)', EXIT.usage);
    if (json && format) throw new CliError('use either --json or --format, not both', EXIT.usage);
    return reviewCommand({ file: files[0] as string, json, reviewer, ...(format ? { format } : {}) });
  }
  if (command === 'import') {
    let format: ReturnType<typeof importFormatOf> | undefined;
    const files: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i] as string;
      if (arg === '--format') format = importFormatOf(rest[++i]);
      else if (arg.startsWith('--format=')) format = importFormatOf(arg.slice('--format='.length));
      else if (arg.startsWith('-')) throw new CliError(`unknown option "${arg}" (see designroom help)`, EXIT.usage);
      else files.push(arg);
    }
    if (files.length !== 1) throw new CliError('import takes exactly one FILE (see designroom help)', EXIT.usage);
    return importCommand({ file: files[0] as string, ...(format ? { format } : {}) });
  }
  if (command === 'eval') {
    const dirs = rest.filter((a) => !a.startsWith('-'));
    const unknown = rest.find((a) => a.startsWith('-'));
    if (unknown) throw new CliError(`unknown option "${unknown}" (see designroom help)`, EXIT.usage);
    if (dirs.length !== 1) throw new CliError('eval takes exactly one DIR (see designroom help)', EXIT.usage);
    return evalCommand(dirs[0] as string);
  }
  throw new CliError(`unknown command "${command}" (see designroom help)`, EXIT.usage);
}

async function main(): Promise<void> {
  try {
    const result = await run(process.argv.slice(2));
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } catch (error) {
    const message = error instanceof CliError ? error.message : `unexpected error: ${oneLine(error)}`;
    process.stderr.write(`designroom: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.badInput;
  }
}

await main();
