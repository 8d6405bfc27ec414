/** `designroom review FILE.md [--json] [--reviewer rules|openai]` */
import { reviewBoard } from '../../../core/src/reviewer/index';
import { reviewSchema, type Review } from '../../../core/src/rubric/schema';
import { CliError, EXIT } from './errors';
import { formatReviewExport, type ReviewFormat } from './export';
import { loadDesign, loadLibrary, resolvePrompt } from './load';
import { formatReport } from './report';

export interface ReviewOptions {
  file: string;
  json: boolean;
  reviewer: string;
  /** Write the review as a session export instead of the report. */
  format?: ReviewFormat;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

export async function reviewCommand(options: ReviewOptions): Promise<CommandOutput> {
  if (options.reviewer === 'openai') {
    throw new CliError('the openai reviewer is not available yet; use --reviewer rules (the default)', EXIT.usage);
  }
  if (options.reviewer !== 'rules') {
    throw new CliError(`unknown reviewer "${options.reviewer}"; use rules or openai`, EXIT.usage);
  }
  const library = await loadLibrary();
  const design = await loadDesign(options.file);
  const prompt = resolvePrompt(design, library, options.file);
  const review: Review = reviewBoard(design.board, prompt, library.rubrics);
  review.warnings.push(...design.warnings.map((w) => `design doc ${w}`));
  // The contract is the output: validate before printing, so a bug never prints a malformed review.
  const checked = reviewSchema.parse(review);
  const stderr = library.promptsProblem ? `warning: prompt library unavailable (${library.promptsProblem}); follow-ups come from the rubric bank only\n` : '';
  return {
    stdout: options.format
      ? formatReviewExport(options.format, design.board, checked)
      : options.json
        ? `${JSON.stringify(checked, null, 2)}\n`
        : formatReport(checked, options.file),
    stderr,
    code: EXIT.ok,
  };
}
