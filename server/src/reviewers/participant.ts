/**
 * The AI reviewer as a participant of a room. While anyone is connected it follows the room's
 * own document (through the seam in room-seam.ts), shows in presence as "AI reviewer", and
 * after each burst of changes (debounced) runs the rules reviewer:
 * - the live checklist goes to the candidate in solo practice, and only to the interviewer's
 *   private room in a live session;
 * - the follow-up questions the board now calls for go only to the interviewer's private room
 *   in a live session (rules each time, the model at most once a minute when configured).
 * In solo practice it also gives the prompt's curveball when the deep dive begins; after a
 * critique it pins the main points on the nodes they concern.
 */
import { performance } from 'node:perf_hooks';
import { INTERVIEW_EVENTS, REVIEWER_EVENTS, elapsedMs, interviewStateSchema, putComment, readBoard, type Checklist, type FollowupsEvent } from '../../../core/src';
import { checklistOf } from '../../../core/src/reviewer/index';
import type { Review } from '../../../core/src/rubric/schema';
import type { PromptLibrary } from '../data/prompts';
import { privateRoom } from '../interview/service';
import type { AppServer, AppSocket } from '../sockets/types';
import type { Logger } from '../log';
import type { RoomRegistry } from '../rooms/registry';
import type { Room } from '../rooms/room';
import type { SessionRecord, Storage } from '../storage/types';
import { REVIEWER_AUTHOR, type CurveballService } from './curveballs';
import { newRequestId } from './ids';
import type { ReviewInput, Reviewers } from './registry';
import { reviewerSeam, type ReviewerSeam } from './room-seam';
import type { ReviewerData } from './session-data';
import { ChecklistPacer } from './checklist-pacer';
import type { TimedReview } from './rules-off-thread';

const MODEL_FOLLOWUPS_EVERY_MS = 60_000;
const SOLO_CURVEBALL_CHECK_MS = 5000;
const SOLO_CURVEBALL_KEY = 'reviewer-solo-curveball';
const MAX_PINS = 3;

/** The awareness state the reviewer publishes (client/src/board/presence/awareness-state.ts reads it). */
export const REVIEWER_PRESENCE = { user: { name: REVIEWER_AUTHOR, color: '#6e56cf', role: null, bot: true }, cursor: null, drag: null, selection: [], view: null };

export interface ParticipantDeps {
  io: AppServer;
  storage: Storage;
  data: ReviewerData;
  reviewers: Reviewers;
  prompts: PromptLibrary;
  curveballs: CurveballService;
  rooms: RoomRegistry;
  log: Logger;
  /** The rules reviewer for the live checklist, off the event loop (rules-off-thread.ts). */
  rules: (input: ReviewInput) => Promise<TimedReview>;
}

class Participant {
  users = 0;
  private readonly seam: ReviewerSeam;
  private readonly unobserve: () => void;
  private curveballTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private modelAt = 0;
  private modelRunning = false;
  checklist: Checklist | null = null;
  /** What the last checklist sent said (its items and overall, not its time), to skip resending it. */
  private sentChecklist = '';
  /** The board changed after the last reading; cleared by the reading itself (same turn as readBoard). */
  private stale = false;
  followups: FollowupsEvent | null = null;

  constructor(
    readonly session: SessionRecord,
    room: Room,
    private readonly deps: ParticipantDeps,
    private readonly pacer: ChecklistPacer,
  ) {
    this.seam = reviewerSeam(room);
    this.unobserve = this.seam.observe(() => this.schedule());
    this.seam.awareness.setLocalState(REVIEWER_PRESENCE);
    if (session.mode === 'solo') {
      this.curveballTimer = setInterval(() => void this.soloCurveball().catch((err: unknown) => deps.log.warn({ err }, 'solo curveball failed')), SOLO_CURVEBALL_CHECK_MS);
      this.curveballTimer.unref();
    }
  }

  private get live(): boolean {
    return this.session.mode === 'live';
  }

  /** Where the checklist goes: the solo candidate's session, or the live interviewer's private room. */
  private get checklistRoom(): string {
    return this.live ? privateRoom(this.session.id) : this.session.id;
  }

  /**
   * The board changed: refresh the checklist when the node's checklist budget allows (about a
   * second later; a throttle, not a debounce, which would never fire while someone types).
   */
  schedule(): void {
    if (!this.stale) {
      // Once per reading, not per edit: the flag stays up until a reading covers the change.
      this.stale = true;
      this.deps.io.to(this.checklistRoom).emit(REVIEWER_EVENTS.checking, { checking: true, at: Date.now() });
    }
    this.pacer.request(this);
  }

  /** Runs the rules reviewer now (one run at a time; a change meanwhile runs it again). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run()
      .catch((err: unknown) => this.deps.log.warn({ err, sessionId: this.session.id }, 'the live checklist failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.running;
  }

  private async run(): Promise<void> {
    const answers = await this.deps.data.reviewAnswers(this.session.id, this.session.prompt);
    const readStart = performance.now();
    const input: ReviewInput = { board: readBoard(this.seam.doc), promptId: this.session.prompt, answers };
    // Cleared in the same turn as the reading: a change from here on makes it stale again.
    const wasStale = this.stale;
    this.stale = false;
    const readMs = performance.now() - readStart;
    let reviewed: TimedReview;
    try {
      reviewed = await this.deps.rules(input);
    } catch (err) {
      this.stale ||= wasStale; // nothing was read after all: the page must keep saying so
      throw err;
    }
    const sendStart = performance.now();
    const at = this.sendChecklist(reviewed.review, wasStale);
    // The whole refresh, the review on the rules thread included, so a busy node's checklists
    // refresh as often as when it all ran here: the loop only keeps the reading and sending.
    this.pacer.measured(readMs + reviewed.ms + (performance.now() - sendStart));
    if (!this.live) return;
    const model = this.deps.reviewers.list().find((r) => r.name === 'openai');
    if (model?.available && !this.modelRunning && at - this.modelAt >= MODEL_FOLLOWUPS_EVERY_MS) {
      this.modelAt = at;
      this.modelRunning = true;
      this.deps.reviewers
        .run('openai', input)
        .then(({ review: judged }) => {
          if (judged.reviewer === 'openai') this.sendFollowups({ followUps: judged.followUps, source: 'openai', at: Date.now() });
        })
        .catch((err: unknown) => this.deps.log.warn({ err, sessionId: this.session.id }, 'model follow-ups failed'))
        .finally(() => (this.modelRunning = false));
    }
  }

  /** Sends what a reading changed: the checklist, and in a live session the rules' follow-ups. Returns its time. */
  private sendChecklist(review: Review, wasStale: boolean): number {
    const at = Date.now();
    this.checklist = checklistOf(review, at);
    // An unchanged checklist is not sent again: most edits (a label's letter) change nothing in it.
    // Only that it is current again, so the page stops saying it is checking.
    const said = JSON.stringify([this.checklist.items, this.checklist.overall]);
    const room = this.deps.io.to(this.checklistRoom);
    if (said !== this.sentChecklist) {
      this.sentChecklist = said;
      room.emit(REVIEWER_EVENTS.checklist, this.checklist);
      // The board changed again while this reading was being reviewed: the page must not call it current.
      if (this.stale) room.emit(REVIEWER_EVENTS.checking, { checking: true, at });
    } else if (wasStale && !this.stale) {
      room.emit(REVIEWER_EVENTS.checking, { checking: false, at });
    }
    if (this.live) {
      const modelFresh = this.followups?.source === 'openai' && at - this.modelAt < MODEL_FOLLOWUPS_EVERY_MS;
      if (!modelFresh) this.sendFollowups({ followUps: review.followUps, source: 'rules', at });
    }
    return at;
  }

  private sendFollowups(event: FollowupsEvent): void {
    this.followups = event;
    // Only ever the private room: a live candidate must never see what the interviewer may ask.
    this.deps.io.to(privateRoom(this.session.id)).emit(REVIEWER_EVENTS.followups, event);
  }

  /** What a socket that just joined should see. */
  async greet(socket: AppSocket, role: string): Promise<void> {
    const entitled = this.live ? role === 'interviewer' : true;
    if (!entitled) return;
    if (!this.checklist) await this.refresh();
    if (this.checklist) socket.emit(REVIEWER_EVENTS.checklist, this.checklist);
    if (this.stale) socket.emit(REVIEWER_EVENTS.checking, { checking: true, at: Date.now() });
    if (this.live && this.followups) socket.emit(REVIEWER_EVENTS.followups, this.followups);
  }

  private async soloCurveball(): Promise<void> {
    const { storage, curveballs, prompts } = this.deps;
    const session = await storage.getSession(this.session.id);
    if (!session || session.closedAt) return;
    if (await storage.getValue(session.id, SOLO_CURVEBALL_KEY)) return;
    const plan = curveballs.soloPlan(prompts.get(session.prompt), session.prompt);
    if (!plan) return;
    const state = interviewStateSchema.safeParse(await storage.getValue(session.id, 'interview'));
    if (!state.success || elapsedMs(state.data.timer, Date.now()) < plan.minute * 60_000) return;
    await storage.setValue(session.id, SOLO_CURVEBALL_KEY, { preset: plan.preset.id, at: Date.now() });
    await curveballs.add(session, { preset: plan.preset.id }, 'reviewer');
  }

  dispose(): void {
    this.unobserve();
    this.pacer.cancel(this);
    if (this.curveballTimer) clearInterval(this.curveballTimer);
    this.seam.awareness.setLocalState(null);
  }
}

/** Pins the weakest items' main point on the node each concerns (the board when none). */
async function pinPoints(seam: ReviewerSeam, review: Review): Promise<void> {
  const weakest = [...review.items]
    .filter((i) => i.score < 3 && i.missing.length > 0)
    .sort((a, b) => a.score - b.score)
    .slice(0, MAX_PINS);
  if (weakest.length === 0) return;
  const at = Date.now();
  await seam.apply((doc) => {
    const board = readBoard(doc);
    // The previous critique's pins are settled by the new one (resolved, still readable).
    for (const c of board.comments) {
      if (c.role === 'reviewer' && c.id.startsWith('ai-') && !c.resolved) putComment(doc, { ...c, resolved: true });
    }
    const nodes = new Set(board.nodes.map((n) => n.id));
    weakest.forEach((item, index) => {
      const node = item.evidence.map((e) => e.ref).find((ref) => ref.startsWith('node:') && nodes.has(ref.slice(5)));
      putComment(doc, {
        id: `ai-${newRequestId().slice(0, 8).replace(/[^A-Za-z0-9]/g, 'x')}-${index}`,
        target: node ? node.slice(5) : 'board',
        author: REVIEWER_AUTHOR,
        role: 'reviewer',
        text: `${item.title} ${item.score}/4: ${item.missing[0] as string}`,
        createdAt: at + index,
        resolved: false,
      });
    });
  });
}

/** Keeps one reviewer participant per open room while anyone is connected. */
export class ReviewerParticipants {
  private readonly byRoom = new Map<Room, Participant>();
  private readonly pacer = new ChecklistPacer();

  constructor(private readonly deps: ParticipantDeps) {}

  /** Joins every connecting socket's room; call after the board sockets are attached. */
  attach(io: AppServer): void {
    io.on('connection', (socket) => {
      // Sockets the board handler refused carry no session.
      const { room, session, role } = socket.data as Partial<AppSocket['data']>;
      if (!room || !session || !role) return;
      let participant = this.byRoom.get(room);
      if (!participant) {
        participant = new Participant(session, room, this.deps, this.pacer);
        this.byRoom.set(room, participant);
      }
      participant.users++;
      // An answer in the live question queue counts like a follow-up answer: refresh once it is stored.
      socket.on(INTERVIEW_EVENTS.answer, () => this.byRoom.get(room)?.schedule());
      participant.greet(socket, role).catch((err: unknown) => this.deps.log.warn({ err }, 'could not send the checklist'));
      socket.on('disconnect', () => {
        const current = this.byRoom.get(room);
        if (!current) return;
        current.users--;
        if (current.users <= 0) {
          current.dispose();
          this.byRoom.delete(room);
        }
      });
    });
  }

  private forSession(sessionId: string): Participant | undefined {
    for (const p of this.byRoom.values()) if (p.session.id === sessionId) return p;
    return undefined;
  }

  /** Something besides the board changed (an answer): refresh the checklist now. */
  async refresh(sessionId: string): Promise<void> {
    await this.forSession(sessionId)?.refresh();
  }

  /** After a critique in solo practice, pin its main points on the board (never in a live round: it would speak to the candidate). */
  async pin(session: SessionRecord, review: Review): Promise<void> {
    if (session.mode !== 'solo' || review.reviewer === 'human') return;
    try {
      await this.deps.rooms.with(session.id, (room) => pinPoints(reviewerSeam(room), review));
    } catch (err) {
      // The critique itself stands; a full board only loses the pins.
      this.deps.log.warn({ err, sessionId: session.id }, 'could not pin the critique on the board');
    }
  }

  disposeAll(): void {
    for (const p of this.byRoom.values()) p.dispose();
    this.byRoom.clear();
    this.pacer.dispose();
  }
}
