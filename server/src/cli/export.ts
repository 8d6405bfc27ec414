/** `designroom review FILE.md --format md|html|json`: the review written as one of the session exports. */
import { exportHtml, exportJson, exportMarkdown, type ExportData } from '../../../core/src/export';
import type { Board } from '../../../core/src/board/schema';
import type { Review } from '../../../core/src/rubric/schema';
import { CliError, EXIT } from './errors';

export const REVIEW_FORMATS = ['md', 'html', 'json'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export function reviewFormatOf(value: string | undefined): ReviewFormat {
  if (value !== undefined && (REVIEW_FORMATS as readonly string[]).includes(value)) return value as ReviewFormat;
  throw new CliError(`--format needs md, html or json${value === undefined ? '' : `, not "${value}"`}`, EXIT.usage);
}

/** A file reviewed on the command line is a session of one: solo, no questions, no interview. */
export function formatReviewExport(format: ReviewFormat, board: Board, review: Review, now = Date.now()): string {
  const data: ExportData = {
    exportedAt: now,
    session: { id: 'cli', prompt: review.prompt, mode: 'solo', createdAt: now, closedAt: null },
    board,
    reviews: [{ id: 1, createdAt: now, review }],
    questions: [],
    comments: board.comments,
    interview: null,
    private: null,
  };
  if (format === 'html') return exportHtml(data);
  if (format === 'json') return exportJson(data);
  return exportMarkdown(data);
}
