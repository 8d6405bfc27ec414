import type { Server } from 'socket.io';
import {
  INTERVIEW_EVENTS,
  applyTimerControl,
  humanReview,
  initialInterview,
  interviewStateSchema,
  humanScoresSchema,
  type HumanScores,
  type InterviewState,
  type PrivateInterview,
  type PublicInterview,
  type Question,
  type TimerControl,
} from '../../../core/src';
import type { Review } from '../../../core/src/rubric/schema';
import type { SessionRecord, Storage } from '../storage/types';
import { KeyedMutex } from './keyed-mutex';

const STATE_KEY = 'interview';
const SCORES_KEY = 'human-scores';

/** The Socket.IO room of a session's interviewer sockets (and observers while shared). */
export const privateRoom = (sessionId: string): string => `${sessionId}#private`;

/**
 * The interview around the board. Public state goes to everyone in the session; notes and
 * scores go only to the private room, and are read over HTTP only by the interviewer (or by
 * observers while the interviewer shares them).
 */
export class InterviewService {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly storage: Storage,
    private readonly io: Server,
    private readonly weights: Readonly<Record<string, number>>,
    /** Runs and stores the machine review of a session that just ended. */
    private readonly reviewAtClose: (session: SessionRecord, at: number) => Promise<void>,
  ) {}

  async state(sessionId: string): Promise<InterviewState> {
    const parsed = interviewStateSchema.safeParse(await this.storage.getValue(sessionId, STATE_KEY));
    return parsed.success ? parsed.data : initialInterview();
  }

  async publicView(sessionId: string): Promise<PublicInterview> {
    return { interview: await this.state(sessionId), questions: await this.storage.listQuestions(sessionId) };
  }

  async scores(sessionId: string): Promise<HumanScores> {
    const parsed = humanScoresSchema.safeParse(await this.storage.getValue(sessionId, SCORES_KEY));
    return parsed.success ? parsed.data : { items: [] };
  }

  async privateView(sessionId: string): Promise<PrivateInterview> {
    return { notes: await this.storage.listNotes(sessionId), scores: await this.scores(sessionId) };
  }

  control(sessionId: string, control: TimerControl): Promise<InterviewState> {
    return this.update(sessionId, (state) => applyTimerControl(state, control, Date.now()));
  }

  async ask(sessionId: string, text: string, item: string | null): Promise<Question> {
    const question = await this.storage.addQuestion(sessionId, text, item, Date.now());
    await this.broadcastPublic(sessionId);
    return question;
  }

  async answer(sessionId: string, id: number, text: string): Promise<Question | null> {
    const question = await this.storage.answerQuestion(sessionId, id, text, Date.now());
    if (question) await this.broadcastPublic(sessionId);
    return question;
  }

  async addNote(sessionId: string, text: string): Promise<void> {
    await this.storage.addNote(sessionId, text, Date.now());
    await this.broadcastPrivate(sessionId);
  }

  async setScores(sessionId: string, scores: HumanScores): Promise<void> {
    await this.mutex.run(`${sessionId}:scores`, async () => {
      const merged = new Map((await this.scores(sessionId)).items.map((s) => [s.id, s]));
      for (const entry of scores.items) merged.set(entry.id, entry);
      await this.storage.setValue(sessionId, SCORES_KEY, { items: [...merged.values()] });
    });
    await this.broadcastPrivate(sessionId);
  }

  humanReview(prompt: string, scores: HumanScores): Review {
    return humanReview(prompt, scores, this.weights);
  }

  async share(sessionId: string, share: boolean): Promise<void> {
    await this.update(sessionId, (state) => ({ ...state, shareWithObservers: share }));
    const sockets = await this.io.in(sessionId).fetchSockets();
    for (const socket of sockets) {
      if ((socket.data as { role?: string }).role !== 'observer') continue;
      if (share) socket.join(privateRoom(sessionId));
      else socket.leave(privateRoom(sessionId));
    }
    if (share) await this.broadcastPrivate(sessionId);
  }

  /** Ends the session: the board becomes read-only, the timer stops, and both reviews are kept. */
  async close(session: SessionRecord): Promise<InterviewState> {
    const now = Date.now();
    await this.storage.closeSession(session.id, now);
    const state = await this.update(session.id, (s) => ({ ...applyTimerControl(s, { action: 'pause' }, now), closedAt: s.closedAt ?? now }));
    const scores = await this.scores(session.id);
    if (scores.items.length > 0) {
      await this.storage.addReview(session.id, 'human', this.humanReview(session.prompt, scores), now);
    }
    await this.reviewAtClose({ ...session, closedAt: now }, now);
    return state;
  }

  private update(sessionId: string, change: (state: InterviewState) => InterviewState): Promise<InterviewState> {
    return this.mutex.run(sessionId, async () => {
      const next = change(await this.state(sessionId));
      await this.storage.setValue(sessionId, STATE_KEY, next);
      await this.broadcastPublic(sessionId, next);
      return next;
    });
  }

  private async broadcastPublic(sessionId: string, state?: InterviewState): Promise<void> {
    const view: PublicInterview = { interview: state ?? (await this.state(sessionId)), questions: await this.storage.listQuestions(sessionId) };
    this.io.to(sessionId).emit(INTERVIEW_EVENTS.state, view);
  }

  private async broadcastPrivate(sessionId: string): Promise<void> {
    this.io.to(privateRoom(sessionId)).emit(INTERVIEW_EVENTS.privateState, await this.privateView(sessionId));
  }
}
