import { NODE_KIND_LABELS } from '../board/kinds';
import type { Board } from '../board/schema';
import { SECTION_TITLES, isSectionId } from '../board/sections';
import type { Question } from '../protocol/interview';
import type { Review, ReviewFollowUp } from '../rubric/schema';
import type { ExportedReview } from './schema';

/** Facts every export format shows the same way. */

export const REVIEWER_NAMES: Readonly<Record<string, string>> = {
  rules: 'Rubric reviewer',
  openai: 'AI reviewer',
  human: 'Interviewer',
};

export function reviewerName(review: Review): string {
  return REVIEWER_NAMES[review.reviewer] ?? review.reviewer;
}

/** `1 h 02 min`, `12 min 05 s`, `40 s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** ISO date and time in UTC, minute precision: the same in every viewer's time zone. */
export function formatTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The stored question that asked this follow-up (same text), if it was asked. */
export function askedFollowUp(followUp: ReviewFollowUp, questions: readonly Question[]): Question | undefined {
  const key = squash(followUp.question);
  return questions.find((q) => squash(q.text) === key);
}

/** What an evidence ref points at, for a reader: "node Redis cache", "section API", "answer #3". */
export function describeRef(ref: string, board: Board): string {
  const [type, id = ''] = splitRef(ref);
  if (type === 'node') return `node “${board.nodes.find((n) => n.id === id)?.label || id}”`;
  if (type === 'edge') {
    const edge = board.edges.find((e) => e.id === id);
    if (!edge) return `edge ${id}`;
    const label = (nid: string) => board.nodes.find((n) => n.id === nid)?.label || nid;
    return `edge ${label(edge.source)} → ${label(edge.target)}`;
  }
  if (type === 'section') return `section ${isSectionId(id) ? SECTION_TITLES[id] : id}`;
  if (type === 'answer') return `answer #${id}`;
  return ref;
}

export function splitRef(ref: string): [string, string] {
  const colon = ref.indexOf(':');
  return colon < 0 ? [ref, ''] : [ref.slice(0, colon), ref.slice(colon + 1)];
}

/** The kind's name as shown to people. */
export function kindName(kind: keyof typeof NODE_KIND_LABELS): string {
  return NODE_KIND_LABELS[kind];
}

/** Reviews in the order a reader wants them: the interviewer's first, then newest first. */
export function orderedReviews(reviews: readonly ExportedReview[]): ExportedReview[] {
  return [...reviews].sort((a, b) => Number(b.review.reviewer === 'human') - Number(a.review.reviewer === 'human') || b.createdAt - a.createdAt);
}
