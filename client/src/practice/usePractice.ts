import { useCallback, useEffect, useState } from 'react';
import type { RubricItemId } from '../../../core/src';
import { recordCritique, loadAttempts, type Attempt } from './attempts';
import { getReviewers, listAnswers, listCritiques, postAnswer, requestCritique } from './practice-api';
import type { Review, ReviewersInfo, StoredAnswer } from './types';

export interface Critique {
  at: number;
  review: Review;
  /** The reviewer asked for, when known: a review by another one is a fallback the user must see. */
  requested: string | null;
}

export interface PracticeSession {
  critiques: Critique[];
  answers: StoredAnswer[];
  reviewers: ReviewersInfo | null;
  attempts: Attempt[];
  busy: boolean;
  error: string | null;
  loading: boolean;
  critique(reviewer: string | undefined): Promise<void>;
  answer(answer: { item: RubricItemId; question: string; text: string }): Promise<boolean>;
  /** The id of the critique in progress, to pick its progress events out of the room's. */
  requestId: string | null;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The solo candidate's side of the practice session: the critiques so far (loaded once, then
 * added as they are made), the answers to follow-ups, the reviewers on offer, and this
 * browser's attempts (each critique is recorded there).
 */
export function usePractice(sessionId: string, token: string): PracticeSession {
  const [critiques, setCritiques] = useState<Critique[]>([]);
  const [answers, setAnswers] = useState<StoredAnswer[]>([]);
  const [reviewers, setReviewers] = useState<ReviewersInfo | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>(() => {
    const storage = browserStorage();
    return storage ? loadAttempts(storage) : [];
  });
  const [requestId, setRequestId] = useState<string | null>(null);
  const busy = requestId !== null;
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const remember = useCallback(
    (review: Review, at: number) => {
      const storage = browserStorage();
      if (storage) setAttempts(recordCritique(storage, { sessionId, prompt: review.prompt, at, review }));
    },
    [sessionId],
  );

  useEffect(() => {
    let live = true;
    const fail = (e: unknown) => live && setError(e instanceof Error ? e.message : String(e));
    Promise.all([listCritiques(sessionId, token), listAnswers(sessionId, token)])
      .then(([stored, given]) => {
        if (!live) return;
        setCritiques(stored.map((s) => ({ at: s.createdAt, review: s.review, requested: s.meta?.requested ?? null })));
        setAnswers(given);
        const last = stored[stored.length - 1];
        if (last) remember(last.review, last.createdAt);
      })
      .catch(fail)
      .finally(() => live && setLoading(false));
    getReviewers(token)
      .then((r) => live && setReviewers(r))
      .catch(fail);
    return () => {
      live = false;
    };
  }, [sessionId, token, remember]);

  const critique = useCallback(
    async (reviewer: string | undefined) => {
      const id = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
      setRequestId(id);
      setError(null);
      try {
        const review = await requestCritique(sessionId, token, reviewer, id);
        const at = Date.now();
        setCritiques((list) => [...list, { at, review, requested: reviewer ?? null }]);
        remember(review, at);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setRequestId(null);
      }
    },
    [sessionId, token, remember],
  );

  const answer = useCallback(
    async (given: { item: RubricItemId; question: string; text: string }) => {
      setError(null);
      try {
        const id = await postAnswer(sessionId, token, given);
        setAnswers((list) => [...list, { id, ...given, createdAt: Date.now() }]);
        return true;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return false;
      }
    },
    [sessionId, token],
  );

  return { critiques, answers, reviewers, attempts, busy, error, loading, critique, answer, requestId };
}
