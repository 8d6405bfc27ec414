/** `designroom review FILE.md [--json] [--reviewer rules|openai]` */
import { reviewerNameSchema } from '../../../core/src';
import { reviewSchema } from '../../../core/src/rubric/schema';
import { ConfigError, loadConfig } from '../config';
import { openAISettingsFrom } from '../reviewers/openai-reviewer';
import { REVIEWER_NAMES, createReviewers } from '../reviewers/registry';
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
  const name = reviewerNameSchema.safeParse(options.reviewer);
  if (!name.success) throw new CliError(`unknown reviewer "${options.reviewer}"; use ${REVIEWER_NAMES.join(' or ')}`, EXIT.usage);
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    throw new CliError(error instanceof ConfigError ? error.message : String(error), EXIT.usage);
  }
  const library = await loadLibrary();
  const reviewers = createReviewers({ prompts: library.prompts, rubrics: library.rubrics, openai: openAISettingsFrom(config) });
  if (name.data === 'openai' && !reviewers.list().find((r) => r.name === 'openai')?.available) {
    throw new CliError('the openai reviewer needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server); see docs/ai-reviewer.md', EXIT.usage);
  }
  const design = await loadDesign(options.file);
  const prompt = resolvePrompt(design, library, options.file);
  const { review } = await reviewers.run(name.data, { board: design.board, promptId: prompt.id, answers: [] });
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
