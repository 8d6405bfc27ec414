import type { Role } from '../../../core/src';
import type { InterviewService } from '../interview/service';
import type { SessionRecord } from '../storage/types';

/** Private notes and human scores: the interviewer's, and observers' while the interviewer shares them (decision 003). */
export async function maySeePrivate(interview: InterviewService, sessionId: string, role: Role): Promise<boolean> {
  if (role === 'interviewer') return true;
  if (role === 'observer') return (await interview.state(sessionId)).shareWithObservers;
  return false;
}

/** Who may make a review link: the interviewer, or the candidate practising alone. */
export function mayShare(session: SessionRecord, role: Role): boolean {
  return role === 'interviewer' || (role === 'candidate' && session.mode === 'solo');
}
