/** The readable review report: a score table, then per item its evidence and what is missing, then follow-ups. */
import type { Review } from '../../../core/src/rubric/schema';

const BAR = ['░░░░', '█░░░', '██░░', '███░', '████'];

export function formatReport(review: Review, file: string): string {
  const out: string[] = [];
  out.push(`Review of ${file} — prompt: ${review.prompt || '(none)'} — reviewer: ${review.reviewer}`);
  out.push(`Overall: ${review.overall}/100`);
  out.push('');
  const width = Math.max(...review.items.map((i) => i.title.length));
  for (const item of review.items) out.push(`  ${item.title.padEnd(width)}  ${BAR[item.score] ?? ''}  ${item.score}/${item.max}`);
  for (const item of review.items) {
    out.push('');
    out.push(`## ${item.title} — ${item.score}/${item.max}`);
    out.push(`  ${item.summary}`);
    if (item.evidence.length > 0) {
      out.push('  Evidence:');
      for (const e of item.evidence) out.push(`    [${e.ref}] ${e.text}`);
    }
    if (item.missing.length > 0) {
      out.push('  Missing:');
      for (const m of item.missing) out.push(`    - ${m}`);
    }
  }
  if (review.followUps.length > 0) {
    out.push('');
    out.push('## Follow-up questions');
    review.followUps.forEach((f, i) => out.push(`  ${i + 1}. (${f.item}) ${f.question}`));
  }
  if (review.warnings.length > 0) {
    out.push('');
    out.push('## Warnings');
    for (const w of review.warnings) out.push(`  - ${w}`);
  }
  return `${out.join('\n')}\n`;
}
