import { z } from 'zod';
import { phaseIdSchema } from '../prompt/schema';
import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES, type RubricItemId } from '../rubric/items';
import { overallScore, type Review } from '../rubric/schema';

/**
 * The interview around the board: phase and timer (driven by the interviewer, or by the
 * candidate when practising alone), questions and answers (visible to everyone), and the
 * interviewer's private notes and scores (sent only to interviewer sockets).
 */

export const timerSchema = z.object({
  running: z.boolean(),
  /** When the current run started (epoch ms), or null while paused. */
  startedAt: z.number().nullable(),
  /** Time accumulated by earlier runs. */
  elapsedMs: z.number().nonnegative(),
});
export type Timer = z.infer<typeof timerSchema>;

export const interviewStateSchema = z.object({
  phase: phaseIdSchema,
  timer: timerSchema,
  /** Every phase change with its time: how long was spent per phase comes from here. */
  phaseLog: z.array(z.object({ phase: phaseIdSchema, at: z.number() })),
  closedAt: z.number().nullable(),
  /** Whether observers (shadowing interviewers) see the private notes and scores. */
  shareWithObservers: z.boolean(),
});
export type InterviewState = z.infer<typeof interviewStateSchema>;

export const questionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  item: z.string().nullable(),
  askedAt: z.number(),
  answer: z.string().nullable(),
  answeredAt: z.number().nullable(),
});
export type Question = z.infer<typeof questionSchema>;

export const privateNoteSchema = z.object({ id: z.number().int(), text: z.string(), at: z.number() });
export type PrivateNote = z.infer<typeof privateNoteSchema>;

export const scoreEntrySchema = z.object({
  id: z.enum(RUBRIC_ITEM_IDS),
  /** null: not scored yet. */
  score: z.number().int().min(0).max(4).nullable(),
  notes: z.string().max(2000).default(''),
});
export const humanScoresSchema = z.object({ items: z.array(scoreEntrySchema).max(RUBRIC_ITEM_IDS.length) });
export type HumanScores = z.infer<typeof humanScoresSchema>;

/** What everyone in the session sees. */
export interface PublicInterview {
  interview: InterviewState;
  questions: Question[];
}

/** What only the interviewer (and observers, when shared) sees. */
export interface PrivateInterview {
  notes: PrivateNote[];
  scores: HumanScores;
}

export const INTERVIEW_EVENTS = {
  /** Server → everyone: PublicInterview, after any change. */
  state: 'interview:state',
  /** Server → interviewer sockets only: PrivateInterview, after any change. */
  privateState: 'private:state',
  timer: 'timer:control',
  ask: 'question:ask',
  answer: 'question:answer',
  note: 'note:add',
  scores: 'scores:update',
  share: 'notes:share',
} as const;

export const timerControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('reset') }),
  z.object({ action: z.literal('phase'), phase: phaseIdSchema }),
]);
export type TimerControl = z.infer<typeof timerControlSchema>;

export const askSchema = z.object({ text: z.string().trim().min(1).max(2000), item: z.enum(RUBRIC_ITEM_IDS).nullable().default(null) });
export const answerSchema = z.object({ id: z.number().int().positive(), text: z.string().trim().min(1).max(10_000) });
export const noteSchema = z.object({ text: z.string().trim().min(1).max(4000) });
export const shareSchema = z.object({ share: z.boolean() });

export function initialInterview(): InterviewState {
  return { phase: 'requirements', timer: { running: false, startedAt: null, elapsedMs: 0 }, phaseLog: [], closedAt: null, shareWithObservers: false };
}

/** Applies a timer command; pure, so client and server agree on what it means. */
export function applyTimerControl(state: InterviewState, control: TimerControl, now: number): InterviewState {
  const { timer } = state;
  switch (control.action) {
    case 'start': {
      if (timer.running) return state;
      const phaseLog = state.phaseLog.length === 0 ? [{ phase: state.phase, at: now }] : state.phaseLog;
      return { ...state, phaseLog, timer: { running: true, startedAt: now, elapsedMs: timer.elapsedMs } };
    }
    case 'pause':
      if (!timer.running || timer.startedAt === null) return state;
      return { ...state, timer: { running: false, startedAt: null, elapsedMs: timer.elapsedMs + (now - timer.startedAt) } };
    case 'reset':
      return { ...state, phase: 'requirements', phaseLog: [], timer: { running: false, startedAt: null, elapsedMs: 0 } };
    case 'phase':
      if (control.phase === state.phase) return state;
      return { ...state, phase: control.phase, phaseLog: [...state.phaseLog, { phase: control.phase, at: now }] };
  }
}

export function elapsedMs(timer: Timer, now: number): number {
  return timer.elapsedMs + (timer.running && timer.startedAt !== null ? now - timer.startedAt : 0);
}

/** Milliseconds spent in each phase, from the phase log up to `end`. */
export function phaseDurations(state: InterviewState, end: number): { phase: string; ms: number }[] {
  return state.phaseLog.map((entry, i) => ({
    phase: entry.phase,
    ms: Math.max(0, (state.phaseLog[i + 1]?.at ?? end) - entry.at),
  }));
}

/** The interviewer's scores as a Review in the contract's shape (`reviewer: "human"`). */
export function humanReview(prompt: string, scores: HumanScores, weights: Readonly<Record<string, number>>): Review {
  const byId = new Map(scores.items.map((s) => [s.id, s]));
  const items = RUBRIC_ITEM_IDS.map((id: RubricItemId) => {
    const entry = byId.get(id);
    return {
      id,
      title: RUBRIC_ITEM_TITLES[id],
      score: entry?.score ?? 0,
      max: 4 as const,
      summary: entry?.notes ?? '',
      evidence: [],
      missing: [],
    };
  });
  const unscored = RUBRIC_ITEM_IDS.filter((id) => byId.get(id)?.score == null);
  return {
    prompt,
    reviewer: 'human',
    overall: overallScore(items, weights),
    items,
    followUps: [],
    warnings: unscored.length > 0 ? [`Not scored (counted as 0): ${unscored.join(', ')}`] : [],
  };
}
