import { may, type Role } from '../../../core/src';
import type { InterviewService } from '../interview/service';

/** Private notes and human scores: the interviewer's, and observers' while the interviewer shares them (decision 003). */
export async function maySeePrivate(interview: InterviewService, session: { id: string; mode: 'live' | 'solo' }, role: Role): Promise<boolean> {
  if (may(role, 'private.read', { mode: session.mode })) return true;
  return may(role, 'private.read', { mode: session.mode, shared: (await interview.state(session.id)).shareWithObservers });
}
