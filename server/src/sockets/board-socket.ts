import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import {
  EVENTS,
  PROTOCOL_VERSION,
  WIRE_LIMITS,
  binarySchema,
  decodeSyncMessage,
  encodeStep1,
  encodeStep2,
  handshakeSchema,
  MalformedMessageError,
  type Ack,
  type ErrorCode,
  type SyncStep1Reply,
  type Welcome,
} from '../../../core/src';
import type { Logger } from '../log';
import { RoomError, type Room } from '../rooms/room';
import { INTERVIEW_CLIENT_EVENTS, joinInterview, registerInterviewEvents } from '../interview/socket';
import type { InterviewService } from '../interview/service';
import type { RoomRegistry } from '../rooms/registry';
import { resolveRole } from '../sessions/service';
import type { Storage } from '../storage/types';
import { MAX_AWARENESS_BYTES, awarenessClientIds } from './awareness-wire';
import { TokenBucket } from './rate-limit';
import type { AppServer, AppSocket } from './types';

type AckFn = (reply: Ack<SyncStep1Reply | Record<string, never>>) => void;

function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

const fail = (code: ErrorCode, message: string): Ack<never> => ({ ok: false, error: { code, message } });

/** Rooms whose awareness already broadcasts its changes. */
const hookedRooms = new WeakSet<Room>();

function hookAwareness(io: AppServer, room: Room): void {
  if (hookedRooms.has(room)) return;
  hookedRooms.add(room);
  room.awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const bytes = encodeAwarenessUpdate(room.awareness, changed);
      const target = io.to(room.sessionId);
      const except = origin && typeof origin === 'object' && 'id' in origin ? String((origin as AppSocket).id) : null;
      // Not volatile: a dropped last state would stay wrong until awareness renews (decision 004).
      (except ? target.except(except) : target).emit(EVENTS.presenceUpdate, bytes);
    },
  );
}

/**
 * The board's live channel. Every socket is authenticated at the handshake (session + token
 * → role); every message is size- and rate-checked, then role-checked, then validated before
 * it can touch the document. Writes go through the room's commit pipeline (room.ts), which
 * acknowledges only once stored.
 */
export function attachBoardSockets(
  io: AppServer,
  deps: { storage: Storage; rooms: RoomRegistry; interview: InterviewService; log: Logger },
): void {
  const { storage, rooms, interview, log } = deps;

  io.use(async (socket, next) => {
    const auth = handshakeSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal('BAD_REQUEST', handshakeProblem(auth.error.issues[0]?.path[0])));
    const { sessionId, token, protocolVersion } = auth.data;
    if (protocolVersion !== PROTOCOL_VERSION) {
      return next(refusal('PROTOCOL_MISMATCH', `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`));
    }
    try {
      const session = await storage.getSession(sessionId);
      if (!session) return next(refusal('NOT_FOUND', 'no such session'));
      const role = await resolveRole(storage, sessionId, token);
      if (!role) return next(refusal('UNAUTHORIZED', 'this link is not valid for the session'));
      const room = await rooms.acquire(sessionId);
      hookAwareness(io, room);
      const burst = WIRE_LIMITS.messagesPerSecond * 2;
      socket.data = { session, role, room, bucket: new TokenBucket(WIRE_LIMITS.messagesPerSecond, burst), awarenessIds: new Set() };
      next();
    } catch (error) {
      log.error({ err: error }, 'socket handshake failed');
      next(refusal('UNAVAILABLE', 'the server could not open this session; retry shortly'));
    }
  });

  io.on('connection', (socket) => {
    const { session, role, room } = socket.data;
    void socket.join(session.id);
    const welcome: Welcome = { sessionId: session.id, role, prompt: session.prompt, mode: session.mode, protocolVersion: PROTOCOL_VERSION };
    socket.emit(EVENTS.sessionWelcome, welcome);
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) socket.emit(EVENTS.presenceUpdate, encodeAwarenessUpdate(room.awareness, present));

    // Payloads are parsed as `unknown`: what arrives is untrusted, whatever the event map says.
    socket.on(EVENTS.boardSync, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        socket.emit(EVENTS.sessionError, { code: 'BAD_MESSAGE', message: `${EVENTS.boardSync} must be sent with an acknowledgement` });
        return;
      }
      const reply = ack as AckFn;
      let outcome: SyncReply | Promise<SyncReply>;
      try {
        outcome = handleSync(socket, payload);
      } catch (error) {
        outcome = Promise.reject(error);
      }
      // A refusal is answered at once; only what waits on the room (a commit, a reload) is a promise.
      if (!(outcome instanceof Promise)) return reply(outcome);
      outcome.then(reply, (error: unknown) => {
        log.error({ err: error, sessionId: session.id }, 'board:sync failed');
        reply(fail('INTERNAL', 'the server failed to handle this message'));
      });
    });

    socket.on(EVENTS.presenceUpdate, (payload: unknown) => {
      if (!socket.data.bucket.take()) return; // presence is best-effort: drop, do not nag
      const bytes = binarySchema.safeParse(payload);
      if (!bytes.success || bytes.data.byteLength > MAX_AWARENESS_BYTES) {
        socket.emit(EVENTS.sessionError, { code: 'BAD_MESSAGE', message: 'presence updates are binary awareness updates up to 16 KiB' });
        return;
      }
      let ids: number[];
      try {
        ids = awarenessClientIds(bytes.data);
      } catch (error) {
        socket.emit(EVENTS.sessionError, { code: 'BAD_MESSAGE', message: `malformed presence update: ${(error as Error).message}` });
        return;
      }
      // A socket speaks only for the awareness ids it introduced: no one can remove or
      // impersonate another participant's presence.
      for (const id of ids) {
        const taken = room.awareness.getStates().has(id) && !socket.data.awarenessIds.has(id);
        if (taken) {
          socket.emit(EVENTS.sessionError, { code: 'FORBIDDEN', message: 'that presence belongs to another participant' });
          return;
        }
      }
      for (const id of ids) socket.data.awarenessIds.add(id);
      applyAwarenessUpdate(room.awareness, bytes.data, socket);
    });

    const interviewContext = { session, role, take: () => socket.data.bucket.take(), closed: () => room.closedAt !== null, service: interview, log };
    registerInterviewEvents(socket, interviewContext);
    joinInterview(socket, interviewContext).catch((error: unknown) => log.error({ err: error }, 'could not send the interview state'));

    socket.onAny((event: string) => {
      if (event === EVENTS.boardSync || event === EVENTS.presenceUpdate || INTERVIEW_CLIENT_EVENTS.includes(event)) return;
      socket.emit(EVENTS.sessionError, { code: 'BAD_MESSAGE', message: `unknown event "${String(event).slice(0, 40)}"` });
    });

    socket.on('disconnect', () => {
      const ids = [...socket.data.awarenessIds];
      if (ids.length > 0) removeAwarenessStates(room.awareness, ids, 'disconnect');
      rooms.release(session.id);
    });
  });

  function handleSync(socket: AppSocket, payload: unknown): SyncReply | Promise<SyncReply> {
    const { room, role } = socket.data;
    if (!socket.data.bucket.take()) return fail('RATE_LIMITED', `more than ${WIRE_LIMITS.messagesPerSecond} messages a second; slow down`);
    const bytes = binarySchema.safeParse(payload);
    if (!bytes.success) return fail('BAD_MESSAGE', `${EVENTS.boardSync} carries a binary y-protocols sync message`);
    if (bytes.data.byteLength > WIRE_LIMITS.maxMessageBytes) {
      return fail('TOO_LARGE', `a message may carry at most ${WIRE_LIMITS.maxMessageBytes} bytes; split it`);
    }
    let message: ReturnType<typeof decodeSyncMessage>;
    try {
      message = decodeSyncMessage(bytes.data);
    } catch (error) {
      return fail('BAD_MESSAGE', error instanceof MalformedMessageError ? error.message : 'malformed sync message');
    }
    if (message.type === 'step1') {
      const { stateVector } = message;
      return room.ready().then(() => ({ ok: true, data: { step2: encodeStep2(room.doc, stateVector), step1: encodeStep1(room.doc) } }));
    }
    const options = {
      origin: { source: 'socket', socketId: socket.id },
      writer: role,
      // An update message is broadcast as it came; a step 2 is sent on as an update message.
      message: message.type === 'update' ? bytes.data : undefined,
    };
    return room.commit(message.update, options).then(stored, refused);
  }
}

type SyncReply = Ack<SyncStep1Reply | Record<string, never>>;

const stored = (): SyncReply => ({ ok: true, data: {} });

function refused(error: unknown): SyncReply {
  if (error instanceof RoomError) return fail(error.code, error.message);
  throw error;
}

/**
 * What is wrong with a handshake, in words that also help the person whose link it is: a
 * token cut short is almost always a link copied in part, which the page then tells them.
 */
function handshakeProblem(field: PropertyKey | undefined): string {
  const { token, sessionId } = handshakeSchema.shape;
  if (field === 'token') return `the link's token is missing or incomplete (the handshake needs a token of ${token.minLength} to ${token.maxLength} characters)`;
  if (field === 'sessionId') return `the link names no session (the handshake needs a sessionId of ${sessionId.minLength} to ${sessionId.maxLength} characters)`;
  if (field === 'protocolVersion') return 'the handshake needs a protocolVersion; reload the page';
  return 'the handshake needs sessionId, token and protocolVersion';
}
