/** The practice flow's HTTP calls (issue 9's interface), each body checked before use. */
import { z } from 'zod';
import { reviewSchema, type Review, type RubricItemId } from '../../../core/src';
import { sessionApi } from '../interview/api';
import { answerSchema, curveballSchema, hintsSchema, reviewersSchema, storedReviewSchema, type Curveball, type ReviewersInfo, type StoredAnswer, type StoredReview } from './types';

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`The server sent ${what} this page does not understand; reload the page.`);
  return parsed.data;
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function getReviewers(token: string): Promise<ReviewersInfo> {
  let response: Response;
  try {
    response = await fetch('/api/reviewers', { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch {
    throw new Error('The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw new Error(`The server answered ${response.status} when asked for its reviewers.`);
  return parse(reviewersSchema, await response.json().catch(() => null), 'a reviewer list');
}

/** Asks for a critique of the board as it is now; resolves with the Review once it is stored. Progress events carry `requestId`. */
export async function requestCritique(sessionId: string, token: string, reviewer: string | undefined, requestId: string): Promise<Review> {
  const body = await sessionApi<unknown>(sessionId, token, '/reviews', json(reviewer ? { reviewer, requestId } : { requestId }));
  return parse(reviewSchema, body, 'a review');
}

/** The session's stored critiques (the interviewer's own scores excluded), oldest first. */
export async function listCritiques(sessionId: string, token: string): Promise<StoredReview[]> {
  const body = await sessionApi<unknown>(sessionId, token, '/reviews');
  const list = parse(z.array(storedReviewSchema), body, 'a list of reviews');
  return list.filter((r) => r.review.reviewer !== 'human').sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}

export async function listAnswers(sessionId: string, token: string): Promise<StoredAnswer[]> {
  const body = await sessionApi<unknown>(sessionId, token, '/answers');
  return parse(z.object({ answers: z.array(answerSchema) }), body, 'a list of answers').answers;
}

export async function postAnswer(sessionId: string, token: string, answer: { item: RubricItemId; question: string; text: string }): Promise<string> {
  const body = await sessionApi<unknown>(sessionId, token, '/answers', json(answer));
  return parse(z.object({ id: z.union([z.string(), z.number()]).transform(String) }), body, 'an answer id').id;
}

export async function getHints(sessionId: string, token: string, phase: string): Promise<string[]> {
  const body = await sessionApi<unknown>(sessionId, token, `/hints?phase=${encodeURIComponent(phase)}`);
  return parse(hintsSchema, body, 'hints').hints;
}

const presetSchema = z.object({ id: z.string(), text: z.string() });
export type CurveballPreset = z.infer<typeof presetSchema>;

/** The session's curveballs so far, and the presets that fit its prompt. */
export async function listCurveballs(sessionId: string, token: string): Promise<{ curveballs: Curveball[]; presets: CurveballPreset[] }> {
  const body = await sessionApi<unknown>(sessionId, token, '/curveballs');
  return parse(z.object({ curveballs: z.array(curveballSchema), presets: z.array(presetSchema).default([]) }), body, 'a list of curveballs');
}

export async function sendCurveball(sessionId: string, token: string, curveball: { text: string } | { preset: string }): Promise<Curveball> {
  const body = await sessionApi<unknown>(sessionId, token, '/curveballs', json(curveball));
  return parse(curveballSchema, body, 'a curveball');
}
