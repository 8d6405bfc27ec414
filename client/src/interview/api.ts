import type { Board, InterviewState, PrivateNote, Question, Review, StoredRecommendation } from '../../../core/src';

/** Authorised JSON calls to a session's interview routes (`Authorization: Bearer <token>`). */
export async function sessionApi<T>(sessionId: string, token: string, path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}${path}`, {
      ...init,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...init?.headers },
    });
  } catch {
    throw new Error('The server cannot be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
  }
  return body as T;
}

export interface FollowUp {
  id: string;
  item: string;
  question: string;
  points: string[];
}

export interface PhaseTime {
  phase: string;
  ms: number;
}

export interface SessionSummary {
  session: { id: string; prompt: string; mode: 'live' | 'solo'; createdAt: number; closedAt: number | null };
  role: string;
  board: Board;
  interview: InterviewState;
  phases: PhaseTime[];
  questions: Question[];
  reviews: { rules: Review | null; human: Review | null };
  /** Whether the candidate sees the automatic review (after a live round, once the interviewer releases it). */
  reviewReleased: boolean;
  /** The interviewer's private record of the round; null for anyone who may not see it. */
  private: { notes: PrivateNote[]; recommendation: StoredRecommendation | null } | null;
}

export interface Timeline {
  points: { seq: number; at: number }[];
  phases: PhaseTime[];
  /** Every phase change with its time, for the replay's markers. */
  phaseLog?: { phase: string; at: number }[];
}
