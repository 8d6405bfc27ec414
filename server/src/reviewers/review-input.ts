/**
 * Gathers what a review judges for one session: the live board, every answer, and each
 * curveball with the board as it stood when it was given (rebuilt from the stored updates).
 */
import * as Y from 'yjs';
import { readBoard, type Board } from '../../../core/src';
import type { RoomRegistry } from '../rooms/registry';
import type { SessionRecord, Storage } from '../storage/types';
import type { CurveballContext, ReviewInput } from './registry';
import type { ReviewerData } from './session-data';

/** The board as it was at time `at`, from the stored update log. */
export async function boardAt(storage: Storage, sessionId: string, at: number): Promise<Board> {
  const doc = new Y.Doc();
  try {
    const history = await storage.loadHistory(sessionId);
    doc.transact(() => {
      for (const h of history) if (h.at <= at) Y.applyUpdate(doc, h.data);
    });
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

export async function reviewInputFor(deps: { storage: Storage; rooms: RoomRegistry; data: ReviewerData }, session: SessionRecord): Promise<ReviewInput> {
  const board = await deps.rooms.with(session.id, async (room) => readBoard(room.doc));
  const answers = await deps.data.reviewAnswers(session.id, session.prompt);
  const curveballs: CurveballContext[] = [];
  for (const c of await deps.data.curveballs(session.id)) {
    curveballs.push({ text: c.text, at: c.at, ...(c.item ? { item: c.item } : {}), before: await boardAt(deps.storage, session.id, c.at) });
  }
  return { board, promptId: session.prompt, answers, curveballs };
}
