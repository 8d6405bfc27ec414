import { formatDesignDoc } from '../designdoc/format';
import { REVIEW_MARKER } from '../designdoc/trailer';
import { PHASE_IDS } from '../prompt/schema';
import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES } from '../rubric/items';
import type { Review } from '../rubric/schema';
import { mdCell, mdInline, mdQuote } from './escape';
import { askedFollowUp, describeRef, formatDuration, formatTime, orderedReviews, reviewerName } from './facts';
import type { ExportData } from './schema';

const PHASE_TITLES: Readonly<Record<(typeof PHASE_IDS)[number], string>> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  'high-level-design': 'High-level design',
  'deep-dive': 'Deep dive',
  'wrap-up': 'Wrap-up',
};

/**
 * The session as Markdown: first the design doc exactly as the contract defines it (so the
 * file imports back as the same board), then, after {@link REVIEW_MARKER}, the reviews (scores
 * table, evidence, what is missing, follow-ups with the candidate's answers), the questions
 * and answers and time per phase of a live round, the comments, and the private notes when
 * the data carries them. Everything users wrote is escaped so it renders as text on GitHub.
 */
export function exportMarkdown(data: ExportData): string {
  const out: string[] = [formatDesignDoc(data.board).trimEnd(), '', REVIEW_MARKER, '', '---', ''];
  const title = data.board.meta.title ?? data.session.title ?? data.session.prompt;
  out.push(`# Review: ${mdInline(title)}`, '');
  out.push(
    `Prompt \`${data.session.prompt.replace(/`/g, '')}\` · ${data.session.mode === 'live' ? 'live interview' : 'solo practice'} · started ${formatTime(data.session.createdAt)}` +
      `${data.session.closedAt ? ` · ended ${formatTime(data.session.closedAt)}` : ''} · exported ${formatTime(data.exportedAt)}`,
    '',
  );
  const reviews = orderedReviews(data.reviews);
  if (reviews.length === 0) out.push('_No review has been run on this design yet._', '');
  else out.push(...scoresTable(reviews.map((r) => r.review)), '');
  for (const { review, createdAt } of reviews) out.push(...reviewBlock(review, createdAt, data), '');

  const asked = data.questions;
  if (asked.length > 0) {
    out.push('## Questions and answers', '');
    for (const q of asked) {
      out.push(`<a id="answer-${q.id}"></a>`, `**Q${q.id}.** ${mdInline(q.text)} _(${formatTime(q.askedAt)})_`, '');
      out.push(q.answer === null ? '_Not answered._' : mdQuote(q.answer), '');
    }
  }
  if (data.interview && data.interview.phases.length > 0) {
    out.push('## Time per phase', '', '| Phase | Time |', '|---|---:|');
    for (const p of data.interview.phases) out.push(`| ${PHASE_TITLES[p.phase]} | ${formatDuration(p.ms)} |`);
    out.push(`| **Total** | **${formatDuration(data.interview.totalMs)}** |`, '');
  }
  if (data.comments.length > 0) {
    out.push('## Comments', '');
    for (const c of data.comments) {
      const where = c.target === 'board' ? 'the board' : describeRef(c.target.includes(':') ? c.target : `node:${c.target}`, data.board);
      out.push(`- **${mdInline(c.author) || c.role}** (${c.role}) on ${mdInline(where)}${c.resolved ? ' — resolved' : ''}, ${formatTime(c.createdAt)}:`, '', indent(mdQuote(c.text)), '');
    }
  }
  if (data.private) {
    out.push('## Interviewer’s private notes', '');
    if (data.private.notes.length === 0) out.push('_No notes._', '');
    for (const note of data.private.notes) out.push(`- ${formatTime(note.at)}:`, '', indent(mdQuote(note.text)), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function scoresTable(reviews: readonly Review[]): string[] {
  const header = `| Item | ${reviews.map((r) => mdCell(reviewerName(r))).join(' | ')} |`;
  const rule = `|---|${reviews.map(() => '---:').join('|')}|`;
  const rows = RUBRIC_ITEM_IDS.map((id) => {
    const cells = reviews.map((r) => {
      const item = r.items.find((i) => i.id === id);
      return item ? `${item.score}/${item.max}` : '–';
    });
    return `| ${RUBRIC_ITEM_TITLES[id]} | ${cells.join(' | ')} |`;
  });
  return ['## Scores', '', header, rule, ...rows, `| **Overall** | ${reviews.map((r) => `**${r.overall}**/100`).join(' | ')} |`];
}

function reviewBlock(review: Review, createdAt: number, data: ExportData): string[] {
  const out = [`## ${mdInline(reviewerName(review))}: ${review.overall}/100`, '', `_Reviewed ${formatTime(createdAt)}._`, ''];
  for (const item of review.items) {
    out.push(`### ${mdInline(item.title)}: ${item.score}/${item.max}`, '');
    if (item.summary.trim() !== '') out.push(mdInline(item.summary), '');
    if (item.evidence.length > 0) {
      out.push('Evidence:', '');
      for (const e of item.evidence) out.push(`- ${mdInline(e.text)} (${mdInline(describeRef(e.ref, data.board))})`);
      out.push('');
    }
    if (item.missing.length > 0) {
      out.push('Missing:', '');
      for (const m of item.missing) out.push(`- ${mdInline(m)}`);
      out.push('');
    }
  }
  if (review.followUps.length > 0) {
    out.push('### Follow-up questions', '');
    review.followUps.forEach((f, i) => {
      const title = RUBRIC_ITEM_TITLES[f.item as keyof typeof RUBRIC_ITEM_TITLES] ?? f.item;
      out.push(`${i + 1}. **${mdInline(title)}**: ${mdInline(f.question)}`);
      const asked = askedFollowUp(f, data.questions);
      out.push('', indent(asked?.answer ? mdQuote(asked.answer) : asked ? '_Asked, not answered._' : '_Not asked._', 3), '');
    });
  }
  if (review.warnings.length > 0) {
    out.push('### Reviewer warnings', '');
    for (const w of review.warnings) out.push(`- ${mdInline(w)}`);
    out.push('');
  }
  return out;
}

function indent(text: string, by = 2): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}
