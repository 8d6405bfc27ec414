import MarkdownIt from 'markdown-it';
import { SECTION_IDS, SECTION_TITLES } from '../board/sections';
import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES } from '../rubric/items';
import type { Review } from '../rubric/schema';
import { escapeXml as esc } from './escape';
import { askedFollowUp, describeRef, formatDuration, formatTime, orderedReviews, reviewerName, splitRef } from './facts';
import { EXPORT_CSS } from './html-style';
import type { ExportData } from './schema';
import { renderBoardSvg } from './svg';

/**
 * Sections are Markdown. markdown-it with `html: false` escapes any raw HTML a user typed
 * instead of passing it through, its link validator refuses `javascript:`/`data:` URLs, and
 * images are switched off so the file can never make a request. A maintained CommonMark
 * parser beats a hand-written one on the edge cases that matter here (nesting, escapes).
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['image']);

/** Nothing runs and nothing loads: only inline styles, and inline SVG is part of the document. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const PHASE_TITLES: Readonly<Record<string, string>> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  'high-level-design': 'High-level design',
  'deep-dive': 'Deep dive',
  'wrap-up': 'Wrap-up',
};

/**
 * One self-contained HTML file for a hiring committee: the diagram as inline SVG drawn from the
 * board model, the written sections, the reviews with each piece of evidence linking to what
 * earned it, questions and answers, time per phase, comments and (when the data carries them)
 * the private notes. No script, no external request (a strict CSP says so), print-ready.
 */
export function exportHtml(data: ExportData): string {
  const title = data.board.meta.title ?? data.session.title ?? data.session.prompt;
  const reviews = orderedReviews(data.reviews);
  const body: string[] = [];
  body.push(
    '<header class="cover">',
    `<h1>${esc(title)}</h1>`,
    `<div class="meta">Prompt <code>${esc(data.session.prompt)}</code> · ${data.session.mode === 'live' ? 'live interview' : 'solo practice'} · started ${esc(formatTime(data.session.createdAt))}${data.session.closedAt ? ` · ended ${esc(formatTime(data.session.closedAt))}` : ''} · exported ${esc(formatTime(data.exportedAt))}</div>`,
    '</header>',
    '<nav class="toc"><a href="#diagram">Diagram</a><a href="#design">Design</a><a href="#reviews">Reviews</a>' +
      (data.questions.length > 0 ? '<a href="#questions">Questions</a>' : '') +
      (data.comments.length > 0 ? '<a href="#comments">Comments</a>' : '') +
      '</nav>',
    '<section id="diagram"><h2>Diagram</h2>',
    `<div class="diagram">${renderBoardSvg(data.board, { theme: 'light' })}</div>`,
    '</section>',
    '<section id="design"><h2>Design</h2>',
  );
  let anySection = false;
  for (const id of SECTION_IDS) {
    const text = data.board.sections[id];
    if (text === undefined || text.trim() === '') continue;
    anySection = true;
    body.push(`<section id="section-${id}"><h3>${esc(SECTION_TITLES[id])}</h3><div class="section-body">${markdown.render(text)}</div></section>`);
  }
  if (!anySection) body.push('<p class="empty">No written sections.</p>');
  body.push('</section>');

  body.push('<section id="reviews"><h2>Reviews</h2>');
  if (reviews.length === 0) body.push('<p class="empty">No review has been run on this design yet.</p>');
  else body.push(scoresTable(reviews.map((r) => r.review)));
  reviews.forEach(({ review, createdAt }, index) => body.push(reviewSection(review, createdAt, index, data)));
  body.push('</section>');

  if (data.questions.length > 0) {
    body.push('<section id="questions"><h2>Questions and answers</h2>');
    for (const q of data.questions) {
      body.push(
        `<div class="qa" id="answer-${q.id}"><strong>Q${q.id}.</strong> ${esc(q.text)} <span class="meta">${esc(formatTime(q.askedAt))}</span>`,
        q.answer === null ? '<p class="empty">Not answered.</p>' : `<blockquote>${esc(q.answer)}</blockquote>`,
        '</div>',
      );
    }
    body.push('</section>');
  }
  if (data.interview && data.interview.phases.length > 0) {
    body.push('<section id="phases"><h2>Time per phase</h2><table><thead><tr><th>Phase</th><th>Time</th></tr></thead><tbody>');
    for (const p of data.interview.phases) body.push(`<tr><td>${esc(PHASE_TITLES[p.phase] ?? p.phase)}</td><td class="num">${esc(formatDuration(p.ms))}</td></tr>`);
    body.push(`<tr><th>Total</th><th class="num">${esc(formatDuration(data.interview.totalMs))}</th></tr></tbody></table></section>`);
  }
  if (data.comments.length > 0) {
    body.push('<section id="comments"><h2>Comments</h2>');
    for (const c of data.comments) {
      const where = c.target === 'board' ? 'the board' : link(c.target.includes(':') ? c.target : `node:${c.target}`, data);
      body.push(
        `<div class="qa"><strong>${esc(c.author || c.role)}</strong> <span class="meta">(${esc(c.role)}) on ${where}${c.resolved ? ' · resolved' : ''} · ${esc(formatTime(c.createdAt))}</span>`,
        `<blockquote>${esc(c.text)}</blockquote></div>`,
      );
    }
    body.push('</section>');
  }
  if (data.private) {
    body.push('<section id="private" class="private"><h2>Interviewer’s private notes</h2>');
    if (data.private.notes.length === 0) body.push('<p class="empty">No notes.</p>');
    for (const note of data.private.notes) body.push(`<div class="qa"><span class="meta">${esc(formatTime(note.at))}</span><blockquote>${esc(note.text)}</blockquote></div>`);
    body.push('</section>');
  }

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${title} — design review`)}</title>`,
    `<style>${EXPORT_CSS}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

function scoreBadge(score: number, max: number): string {
  return `<span class="score s${Math.max(0, Math.min(4, Math.round(score)))}">${score}/${max}</span>`;
}

function scoresTable(reviews: readonly Review[]): string {
  const head = `<tr><th>Item</th>${reviews.map((r) => `<th>${esc(reviewerName(r))}</th>`).join('')}</tr>`;
  const rows = RUBRIC_ITEM_IDS.map((id) => {
    const cells = reviews.map((r) => {
      const item = r.items.find((i) => i.id === id);
      return `<td class="num">${item ? scoreBadge(item.score, item.max) : '–'}</td>`;
    });
    return `<tr><td>${esc(RUBRIC_ITEM_TITLES[id])}</td>${cells.join('')}</tr>`;
  });
  const overall = `<tr><th>Overall</th>${reviews.map((r) => `<th class="num">${r.overall}/100</th>`).join('')}</tr>`;
  return `<h3>Scores</h3><table><thead>${head}</thead><tbody>${rows.join('')}${overall}</tbody></table>`;
}

function reviewSection(review: Review, createdAt: number, index: number, data: ExportData): string {
  const out = [
    `<section class="review" id="review-${index + 1}"><h3>${esc(reviewerName(review))}: ${review.overall}/100</h3>`,
    `<div class="meta">Reviewed ${esc(formatTime(createdAt))}</div>`,
  ];
  for (const item of review.items) {
    out.push(`<div class="item"><h4><span>${esc(item.title)}</span>${scoreBadge(item.score, item.max)}</h4>`);
    if (item.summary.trim() !== '') out.push(`<div>${esc(item.summary)}</div>`);
    if (item.evidence.length > 0) {
      out.push('<div class="label">Evidence</div><ul>');
      for (const e of item.evidence) out.push(`<li>${esc(e.text)} (${link(e.ref, data)})</li>`);
      out.push('</ul>');
    }
    if (item.missing.length > 0) {
      out.push('<div class="label">Missing</div><ul>');
      for (const m of item.missing) out.push(`<li>${esc(m)}</li>`);
      out.push('</ul>');
    }
    out.push('</div>');
  }
  if (review.followUps.length > 0) {
    out.push('<h4>Follow-up questions</h4><ol>');
    for (const f of review.followUps) {
      const asked = askedFollowUp(f, data.questions);
      const title = RUBRIC_ITEM_TITLES[f.item as keyof typeof RUBRIC_ITEM_TITLES] ?? f.item;
      const answer = asked?.answer
        ? `<blockquote>${esc(asked.answer)}</blockquote>`
        : `<p class="empty">${asked ? 'Asked, not answered.' : 'Not asked.'}</p>`;
      out.push(`<li><strong>${esc(title)}:</strong> ${esc(f.question)}${answer}</li>`);
    }
    out.push('</ol>');
  }
  if (review.warnings.length > 0) {
    out.push('<div class="label">Reviewer warnings</div><ul>');
    for (const w of review.warnings) out.push(`<li>${esc(w)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** An evidence ref as a link to what it points at: the node or edge in the diagram, the section, the answer. */
function link(ref: string, data: ExportData): string {
  const [type, id] = splitRef(ref);
  const text = esc(describeRef(ref, data.board));
  const exists =
    (type === 'node' && data.board.nodes.some((n) => n.id === id)) ||
    (type === 'edge' && data.board.edges.some((e) => e.id === id)) ||
    (type === 'section' && data.board.sections[id as keyof typeof data.board.sections] !== undefined) ||
    (type === 'answer' && data.questions.some((q) => String(q.id) === id));
  return exists ? `<a href="#${esc(`${type}-${id}`)}">${text}</a>` : text;
}
