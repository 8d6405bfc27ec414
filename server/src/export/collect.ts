import { readBoard, phaseDurations, elapsedMs } from '../../../core/src';
import { reviewSchema } from '../../../core/src/rubric/schema';
import type { ExportData, ExportedReview } from '../../../core/src/export';
import type { PromptLibrary } from '../data/prompts';
import type { InterviewService } from '../interview/service';
import type { RoomRegistry } from '../rooms/registry';
import type { SessionRecord, Storage } from '../storage/types';

export interface CollectDeps {
  storage: Storage;
  rooms: RoomRegistry;
  prompts: PromptLibrary;
  interview: InterviewService;
}

/** What one export may show. */
export interface ExportScope {
  /** The interviewer's private notes, draft scores and stored human reviews. */
  includePrivate: boolean;
  /** Every review, or only these stored review ids. */
  reviews: 'all' | readonly string[];
}

/**
 * Gathers a session's data for the core export functions, leaving out what the scope does not
 * allow: private notes and human scores unless `includePrivate`, reviews not chosen. Stored
 * reviews that no longer match the contract are skipped rather than failing the whole export.
 */
export async function collectExportData(deps: CollectDeps, session: SessionRecord, scope: ExportScope, now = Date.now()): Promise<ExportData> {
  const board = await deps.rooms.with(session.id, async (room) => readBoard(room.doc));
  const chosen = scope.reviews === 'all' ? null : new Set(scope.reviews);
  const reviews: ExportedReview[] = [];
  for (const stored of await deps.storage.listReviews(session.id)) {
    if (stored.reviewer === 'human' && !scope.includePrivate) continue;
    if (chosen && !chosen.has(String(stored.id))) continue;
    const parsed = reviewSchema.safeParse(stored.review);
    if (parsed.success) reviews.push({ id: stored.id, createdAt: stored.createdAt, review: parsed.data });
  }
  const state = await deps.interview.state(session.id);
  const end = state.closedAt ?? session.closedAt ?? now;
  const phases = phaseDurations(state, end);
  const title = deps.prompts.get(session.prompt)?.title;
  return {
    exportedAt: now,
    session: { id: session.id, prompt: session.prompt, ...(title ? { title } : {}), mode: session.mode, createdAt: session.createdAt, closedAt: session.closedAt },
    board,
    reviews,
    questions: await deps.storage.listQuestions(session.id),
    comments: board.comments,
    interview: phases.length > 0 ? { phases: phases as NonNullable<ExportData['interview']>['phases'], totalMs: elapsedMs(state.timer, end) } : null,
    private: scope.includePrivate ? await privatePart(deps, session.id) : null,
  };
}

async function privatePart(deps: CollectDeps, sessionId: string): Promise<NonNullable<ExportData['private']>> {
  const view = await deps.interview.privateView(sessionId);
  return { notes: view.notes, scores: view.scores.items.length > 0 ? view.scores : null };
}
