import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import { REVIEWER_EVENTS } from '../../../core/src';
import { listCurveballs } from './practice-api';
import { addCurveballs, resetPractice, setChecking, setChecklist, usePracticeStore } from './practice-store';
import { checkingSchema, checklistSchema, curveballSchema, progressSchema, suggestedFollowUpsSchema } from './types';

/**
 * Feeds the reviewer's events on `socket` into usePracticeStore until the returned function
 * is called. A payload that does not parse is dropped: a half-understood checklist would
 * show wrong scores. On every (re)connect the session's curveballs are fetched, since one
 * given while this page was away arrives on no socket.
 */
export function bindPracticeSocket(socket: Socket, session: { sessionId: string; token: string }): () => void {
  resetPractice();
  let live = true;
  const fetchCurveballs = () =>
    void listCurveballs(session.sessionId, session.token)
      .then((list) => live && addCurveballs(list.curveballs))
      .catch(() => undefined); // the next connect tries again; new ones still come by socket
  socket.on('connect', fetchCurveballs);
  const on = <S extends z.ZodType>(event: string, schema: S, apply: (value: z.infer<S>) => void) => {
    const handler = (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) apply(parsed.data);
    };
    socket.on(event, handler);
    return () => socket.off(event, handler);
  };
  const offs = [
    on(REVIEWER_EVENTS.checklist, checklistSchema, setChecklist),
    on(REVIEWER_EVENTS.checking, checkingSchema, (event) => setChecking(event.checking)),
    on(REVIEWER_EVENTS.followups, suggestedFollowUpsSchema, (suggested) => usePracticeStore.setState({ suggested })),
    on(REVIEWER_EVENTS.progress, progressSchema, (progress) => usePracticeStore.setState({ progress })),
    on(REVIEWER_EVENTS.curveball, curveballSchema, (curveball) => addCurveballs([curveball])),
  ];
  return () => {
    live = false;
    socket.off('connect', fetchCurveballs);
    for (const off of offs) off();
    resetPractice();
  };
}
