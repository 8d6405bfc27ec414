import type { DesignDocWarning } from './errors';
import { findFences } from './markdown';
import type { SourceLine } from './mermaid';

/**
 * The line an exported review starts with (`export?format=md`). It is an HTML comment, so
 * GitHub shows nothing for it; the parser stops at it, so the exported file imports back as
 * the same board and a review of it never reads the earlier review's words as design text.
 */
export const REVIEW_MARKER = '<!-- designroom:review (the exported review below is not part of the design) -->';

/** The lines before the marker (outside code fences), with a warning naming what is left out. */
export function withoutReviewTrailer(lines: readonly SourceLine[], warnings: DesignDocWarning[]): readonly SourceLine[] {
  const fenced = new Set<number>();
  for (const fence of findFences(lines)) for (let i = fence.open; i <= fence.close && i < lines.length; i++) fenced.add(i);
  const at = lines.findIndex((l, i) => !fenced.has(i) && l.text.trim() === REVIEW_MARKER);
  if (at < 0) return lines;
  const rest = lines.slice(at + 1).filter((l) => l.text.trim() !== '').length;
  if (rest > 0) {
    warnings.push({ line: lines[at]?.line ?? 1, message: `the exported review from here on (${rest} lines) is not part of the design and is not imported` });
  }
  return lines.slice(0, at);
}
