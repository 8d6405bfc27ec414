import { useInterviewStore } from '../store/interview';

/** Whether the interviewer has ended this session: from then on the board only reads. */
export function useSessionClosed(): boolean {
  return useInterviewStore((s) => s.interview !== null && s.interview.closedAt !== null);
}
