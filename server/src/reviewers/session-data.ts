/**
 * What the reviewers keep per session besides the reviews themselves: the candidate's answers
 * to follow-up questions, the curveballs, and each review's metadata (reviewer, model, tokens,
 * latency). Kept as session values in the existing storage, so both SQLite and PostgreSQL hold
 * them without a new table; a per-process lock keeps read-modify-write from interleaving.
 */
import { z } from 'zod';
import { ANSWER_LIMITS, curveballSchema, reviewMetaSchema, storedAnswerSchema, type Curveball, type ReviewMeta, type StoredAnswer } from '../../../core/src';
import { RUBRIC_ITEM_IDS } from '../../../core/src';
import { bestItem, type AnswerKey, type ReviewAnswer } from '../../../core/src/reviewer/index';
import { KeyedMutex } from '../interview/keyed-mutex';
import type { Storage } from '../storage/types';

const ANSWERS = 'reviewer-answers';
const CURVEBALLS = 'reviewer-curveballs';
const META = 'reviewer-meta';
const MAX_CURVEBALLS = 50;

const answersSchema = z.array(storedAnswerSchema);
const curveballsSchema = z.array(curveballSchema.extend({ item: z.string().optional() }));
const metaSchema = z.record(z.string(), reviewMetaSchema);

export class SessionLimitError extends Error {}

export type StoredCurveball = Curveball & { item?: string };

export class ReviewerData {
  private readonly mutex = new KeyedMutex();

  /** `answerKey` gives a prompt's answer key, to place answers to untagged live questions. */
  constructor(
    private readonly storage: Storage,
    private readonly answerKey: (promptId: string) => AnswerKey = () => ({}),
  ) {}

  async answers(sessionId: string): Promise<StoredAnswer[]> {
    const parsed = answersSchema.safeParse(await this.storage.getValue(sessionId, ANSWERS));
    return parsed.success ? parsed.data : [];
  }

  addAnswer(sessionId: string, answer: Omit<StoredAnswer, 'id' | 'createdAt'>, at: number): Promise<StoredAnswer> {
    return this.mutex.run(`${sessionId}:answers`, async () => {
      const list = await this.answers(sessionId);
      if (list.length >= ANSWER_LIMITS.maxPerSession) throw new SessionLimitError(`a session keeps at most ${ANSWER_LIMITS.maxPerSession} answers`);
      const stored: StoredAnswer = { id: `a${list.length + 1}`, ...answer, createdAt: at };
      await this.storage.setValue(sessionId, ANSWERS, [...list, stored]);
      return stored;
    });
  }

  /**
   * Every answer the reviewers judge: follow-up answers, and answered live questions that
   * probe a rubric item (`answer:q<id>`), so both count alike.
   */
  async reviewAnswers(sessionId: string, promptId: string): Promise<ReviewAnswer[]> {
    const key = this.answerKey(promptId);
    const followUps = (await this.answers(sessionId)).map(({ id, item, question, text }) => ({ id, item, question, text }));
    const live = (await this.storage.listQuestions(sessionId)).flatMap((q): ReviewAnswer[] => {
      if (!q.answer) return [];
      const tagged = storedAnswerSchema.shape.item.safeParse(q.item);
      // An untagged question counts for the item its answer speaks to.
      const item = tagged.success ? tagged.data : bestItem(q.text, q.answer, key, RUBRIC_ITEM_IDS);
      return item ? [{ id: `q${q.id}`, item, question: q.text, text: q.answer }] : [];
    });
    return [...followUps, ...live];
  }

  async curveballs(sessionId: string): Promise<StoredCurveball[]> {
    const parsed = curveballsSchema.safeParse(await this.storage.getValue(sessionId, CURVEBALLS));
    return parsed.success ? parsed.data : [];
  }

  addCurveball(sessionId: string, curveball: Omit<StoredCurveball, 'id'>): Promise<StoredCurveball> {
    return this.mutex.run(`${sessionId}:curveballs`, async () => {
      const list = await this.curveballs(sessionId);
      if (list.length >= MAX_CURVEBALLS) throw new SessionLimitError(`a session takes at most ${MAX_CURVEBALLS} curveballs`);
      const stored: StoredCurveball = { id: `c${list.length + 1}`, ...curveball };
      await this.storage.setValue(sessionId, CURVEBALLS, [...list, stored]);
      return stored;
    });
  }

  async metas(sessionId: string): Promise<Record<string, ReviewMeta>> {
    const parsed = metaSchema.safeParse(await this.storage.getValue(sessionId, META));
    return parsed.success ? parsed.data : {};
  }

  setMeta(sessionId: string, reviewId: number, meta: ReviewMeta): Promise<void> {
    return this.mutex.run(`${sessionId}:meta`, async () => {
      await this.storage.setValue(sessionId, META, { ...(await this.metas(sessionId)), [String(reviewId)]: meta });
    });
  }
}
