import type { z } from 'zod';
import {
  INTERVIEW_EVENTS,
  may,
  answerSchema,
  askSchema,
  humanScoresSchema,
  noteSchema,
  shareSchema,
  timerControlSchema,
  type Ack,
  type Action,
  type ClientToServerEvents,
  type ErrorCode,
  type Role,
} from '../../../core/src';
import type { AppSocket } from '../sockets/types';
import type { Logger } from '../log';
import type { SessionRecord } from '../storage/types';
import { privateRoom, type InterviewService } from './service';

interface Context {
  session: SessionRecord;
  role: Role;
  take: () => boolean;
  /** Whether the session has ended: the room's cached state, no storage read. */
  closed: () => boolean;
  service: InterviewService;
  log: Logger;
}


const fail = (code: ErrorCode, message: string): Ack<never> => ({ ok: false, error: { code, message } });

/** The interview's socket events. Every handler checks rate, shape and role before acting. */
export const INTERVIEW_CLIENT_EVENTS: readonly string[] = [
  INTERVIEW_EVENTS.timer,
  INTERVIEW_EVENTS.ask,
  INTERVIEW_EVENTS.answer,
  INTERVIEW_EVENTS.note,
  INTERVIEW_EVENTS.scores,
  INTERVIEW_EVENTS.share,
];

export async function joinInterview(socket: AppSocket, ctx: Context): Promise<void> {
  const view = await ctx.service.publicView(ctx.session.id);
  const seesPrivate = may(ctx.role, 'private.read', { mode: ctx.session.mode, shared: view.interview.shareWithObservers });
  if (seesPrivate) await socket.join(privateRoom(ctx.session.id));
  socket.emit(INTERVIEW_EVENTS.state, view);
  if (seesPrivate) socket.emit(INTERVIEW_EVENTS.privateState, await ctx.service.privateView(ctx.session.id));
}

type InterviewEvent = Exclude<keyof ClientToServerEvents, 'board:sync' | 'presence:update'>;

export function registerInterviewEvents(socket: AppSocket, ctx: Context): void {
  const on = <S extends z.ZodType>(
    event: InterviewEvent,
    schema: S,
    action: Action,
    options: { whenClosed: boolean },
    act: (input: z.infer<S>) => Promise<Ack<unknown>>,
  ) => {
    // Payloads are parsed as `unknown`: what arrives is untrusted, whatever the event map says.
    socket.on(event, (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: Ack<unknown>) => void) : () => undefined;
      const run = async (): Promise<Ack<unknown>> => {
        if (!ctx.take()) return fail('RATE_LIMITED', 'too many messages; slow down');
        if (!may(ctx.role, action, { mode: ctx.session.mode })) return fail('FORBIDDEN', `the ${ctx.role} role may not send ${event}`);
        const input = schema.safeParse(payload);
        if (!input.success) return fail('BAD_MESSAGE', `${event}: ${input.error.issues[0]?.path.join('.') || 'payload'}: ${input.error.issues[0]?.message}`);
        if (!options.whenClosed && ctx.closed()) {
          return fail('SESSION_CLOSED', 'this session has ended');
        }
        return act(input.data);
      };
      run()
        .then(reply)
        .catch((error: unknown) => {
          ctx.log.error({ err: error, event }, 'interview event failed');
          reply(fail('INTERNAL', 'the server failed to handle this message'));
        });
    });
  };
  const id = ctx.session.id;
  const ok = { ok: true as const, data: {} };

  on(INTERVIEW_EVENTS.timer, timerControlSchema, 'timer.control', { whenClosed: false }, async (control) => {
    await ctx.service.control(id, control);
    return ok;
  });
  on(INTERVIEW_EVENTS.ask, askSchema, 'question.ask', { whenClosed: false }, async ({ text, item }) => ({
    ok: true,
    data: await ctx.service.ask(id, text, item),
  }));
  on(INTERVIEW_EVENTS.answer, answerSchema, 'question.answer', { whenClosed: false }, async ({ id: questionId, text }) => {
    const question = await ctx.service.answer(id, questionId, text);
    return question ? { ok: true, data: question } : fail('NOT_FOUND', 'no such question in this session');
  });
  // Notes and scores may still be written after the end: interviewers often finish scoring then.
  on(INTERVIEW_EVENTS.note, noteSchema, 'note.add', { whenClosed: true }, async ({ text }) => {
    await ctx.service.addNote(id, text);
    return ok;
  });
  on(INTERVIEW_EVENTS.scores, humanScoresSchema, 'scores.update', { whenClosed: true }, async (scores) => {
    await ctx.service.setScores(id, scores);
    return ok;
  });
  on(INTERVIEW_EVENTS.share, shareSchema, 'notes.share', { whenClosed: true }, async ({ share }) => {
    await ctx.service.share(id, share);
    return ok;
  });
}
