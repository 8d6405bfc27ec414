import { create } from 'zustand';
import type { Ack, InterviewEventName, InterviewPayload, InterviewState, PrivateInterview, Question } from '../../../core/src';

/**
 * The interview around the board, as the server last sent it: phase, timer and questions for
 * everyone; notes and scores only on interviewer sockets (the server never sends them to a
 * candidate, so `private` stays null there).
 */
export interface InterviewStore {
  interview: InterviewState | null;
  questions: Question[];
  private: PrivateInterview | null;
  /** Sends an interview event (`timer:control`, `question:ask`, ...) and resolves with the server's answer. */
  send: <E extends InterviewEventName>(event: E, payload: InterviewPayload<E>) => Promise<Ack<unknown>>;
}

export const useInterviewStore = create<InterviewStore>(() => ({
  interview: null,
  questions: [],
  private: null,
  send: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'not connected yet' } }),
}));
