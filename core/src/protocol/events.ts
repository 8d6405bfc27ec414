import { z } from 'zod';
import type { PrivateInterview, PublicInterview, Question, TimerControl } from './interview';
import { rolesAlways } from './policy';
import type { CheckingEvent, Checklist, Curveball, FollowupsEvent, ProgressEvent } from './reviewer';

/**
 * The Socket.IO protocol between the board client and the server. Payloads of `board:sync`
 * and `presence:update` are the standard y-protocols messages (sync step 1 / step 2 /
 * update, and awareness updates) as binary, so any Yjs tooling can read them.
 * See docs/protocol.md for the exchange, step by step.
 */
export const PROTOCOL_VERSION = 1;

export const EVENTS = {
  /** y-protocols sync message. Client→server is acknowledged; server→client is a broadcast. */
  boardSync: 'board:sync',
  /** y-protocols awareness update; volatile in both directions. */
  presenceUpdate: 'presence:update',
  /** Server→client: who you are in this session, sent once after the connection is accepted. */
  sessionWelcome: 'session:welcome',
  /** Server→client: an error that has no acknowledgement to travel in. */
  sessionError: 'session:error',
} as const;

export const ROLES = ['candidate', 'interviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Roles that may change the board (the `board.write` row of the policy table). */
export const WRITER_ROLES: ReadonlySet<Role> = rolesAlways('board.write');

export const ERROR_CODES = [
  'BAD_REQUEST',
  'BAD_MESSAGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_LARGE',
  'BOARD_FULL',
  'RATE_LIMITED',
  'PROTOCOL_MISMATCH',
  'SESSION_CLOSED',
  /** The update builds on changes the server does not hold (a refused or never-sent edit). */
  'OUT_OF_SYNC',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export type Ack<T = Record<string, never>> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** What a client sends in the Socket.IO handshake (`auth`). */
export const handshakeSchema = z.object({
  sessionId: z.string().min(1).max(64),
  token: z.string().min(16).max(256),
  protocolVersion: z.number().int(),
  /** Shown to others in presence; optional. */
  name: z.string().max(60).optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

export const welcomeSchema = z.object({
  sessionId: z.string(),
  role: roleSchema,
  prompt: z.string(),
  mode: z.enum(['live', 'solo']),
  protocolVersion: z.number().int(),
});
export type Welcome = z.infer<typeof welcomeSchema>;

/** Binary payloads arrive as Buffer on Node and ArrayBuffer/Uint8Array in browsers. */
export const binarySchema = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]).transform((value) =>
  value instanceof Uint8Array ? value : new Uint8Array(value),
);

/** Ack data for a sync step 1: the answer (step 2) and the server's own step 1. */
export interface SyncStep1Reply {
  step2: Uint8Array;
  step1: Uint8Array;
}

/** Limits the server enforces per message and per socket; the client uses them to split work. */
export const WIRE_LIMITS = {
  /** One board:sync or presence:update payload. */
  maxMessageBytes: 1024 * 1024,
  /** Whole-document size after an update is applied. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /** Messages per second per socket (token bucket: this rate, twice this burst). */
  messagesPerSecond: 60,
} as const;

/** An acknowledged client → server event: the payload, then the server's reply. */
type Acked<Payload, Reply = Record<string, never>> = (payload: Payload, ack: (reply: Ack<Reply>) => void) => void;

/**
 * Typed event maps shared by the Socket.IO server and client: the whole protocol, board and
 * interview. Adding an event is one line here (plus its handler); a payload change that would
 * break the wire no longer compiles. Payload types say what a well-behaved peer sends; the
 * server still parses every payload with its zod schema, because what arrives is untrusted.
 */
export interface ServerToClientEvents {
  'board:sync': (message: Uint8Array) => void;
  'presence:update': (update: Uint8Array) => void;
  'session:welcome': (welcome: Welcome) => void;
  'session:error': (error: ErrorBody) => void;
  'interview:state': (view: PublicInterview) => void;
  'private:state': (view: PrivateInterview) => void;
  'review:checklist': (checklist: Checklist) => void;
  'review:checking': (event: CheckingEvent) => void;
  'review:followups': (followups: FollowupsEvent) => void;
  'review:progress': (progress: ProgressEvent) => void;
  'curveball:added': (curveball: Curveball) => void;
}

/** The interview's client→server events: everything but the board's own two. */
export type InterviewEventName = Exclude<keyof ClientToServerEvents, 'board:sync' | 'presence:update'>;
/** What the client sends with an interview event, from the one typed map. */
export type InterviewPayload<E extends InterviewEventName> = Parameters<ClientToServerEvents[E]>[0];

export interface ClientToServerEvents {
  'board:sync': Acked<Uint8Array, SyncStep1Reply | Record<string, never>>;
  'presence:update': (update: Uint8Array) => void;
  'timer:control': Acked<TimerControl>;
  'question:ask': Acked<{ text: string; item?: string | null }, Question>;
  'question:answer': Acked<{ id: number; text: string }, Question>;
  'note:add': Acked<{ text: string }>;
  'scores:update': Acked<{ items: { id: string; score: number | null; notes?: string }[] }>;
  'notes:share': Acked<{ share: boolean }>;
}
