/**
 * Curveballs: a requirement changed mid-session, by the interviewer in a live round or by the
 * reviewer in solo practice. Each is stored with its time (the next review rebuilds the board
 * as it stood then), pinned on the board as a board-level comment, and broadcast. A curveball
 * with a traffic effect is also announced to `onTraffic` listeners (the traffic model).
 */
import { EventEmitter } from 'node:events';
import { REVIEWER_EVENTS, putComment, type Curveball, type CurveballEffect } from '../../../core/src';
import { presetsFor, soloPreset, type CurveballPreset, type CurveballPresets } from '../../../core/src/prompt/curveballs';
import type { Prompt } from '../../../core/src/prompt/schema';
import type { RoomRegistry } from '../rooms/registry';
import type { AppServer } from '../sockets/types';
import type { SessionRecord } from '../storage/types';
import { newRequestId } from './ids';
import { reviewerSeam } from './room-seam';
import type { ReviewerData, StoredCurveball } from './session-data';

export class UnknownPresetError extends Error {}

/** Who gives the curveball: the interviewer (live) or the AI reviewer (solo). */
export type CurveballAuthor = 'interviewer' | 'reviewer';

export interface TrafficChange {
  sessionId: string;
  factor: number;
  curveball: Curveball;
}

export const REVIEWER_AUTHOR = 'AI reviewer';

export class CurveballService {
  private readonly events = new EventEmitter();

  constructor(
    private readonly deps: { rooms: RoomRegistry; io: AppServer; data: ReviewerData; presets: CurveballPresets },
  ) {}

  presets(promptId: string): CurveballPreset[] {
    return presetsFor(this.deps.presets, promptId);
  }

  /** The preset the reviewer gives in solo practice, and the minute of the timer it comes at. */
  soloPlan(prompt: Prompt | undefined, promptId: string): { preset: CurveballPreset; minute: number } | undefined {
    const preset = soloPreset(this.deps.presets, promptId);
    if (!preset) return undefined;
    const phases = prompt?.phases ?? [];
    const deepDive = phases.findIndex((p) => p.id === 'deep-dive');
    const total = phases.reduce((sum, p) => sum + p.minutes, 0);
    // When the deep dive begins: a new requirement then tests the design, not the requirements list.
    const minute = deepDive >= 0 ? phases.slice(0, deepDive).reduce((sum, p) => sum + p.minutes, 0) : Math.round((total || 45) * 0.6);
    return { preset, minute };
  }

  /** Tells `listener` about every curveball that changes traffic; returns the unsubscribe. */
  onTraffic(listener: (change: TrafficChange) => void): () => void {
    this.events.on('traffic', listener);
    return () => this.events.off('traffic', listener);
  }

  list(sessionId: string): Promise<StoredCurveball[]> {
    return this.deps.data.curveballs(sessionId);
  }

  async add(session: SessionRecord, request: { text?: string; preset?: string }, by: CurveballAuthor): Promise<Curveball> {
    let text = request.text?.trim() ?? '';
    let item: string | undefined;
    let effect: CurveballEffect | undefined;
    if (request.preset) {
      const preset = this.presets(session.prompt).find((p) => p.id === request.preset);
      if (!preset) throw new UnknownPresetError(`no curveball preset "${request.preset}" for this prompt`);
      text = text || preset.text;
      item = preset.item;
      effect = preset.effect;
    }
    const at = Date.now();
    const stored = await this.deps.data.addCurveball(session.id, { text, at, ...(item ? { item } : {}), ...(effect ? { effect } : {}) });
    await this.deps.rooms.with(session.id, (room) =>
      reviewerSeam(room).apply((doc) =>
        putComment(doc, {
          id: `curveball-${stored.id}-${newRequestId().slice(0, 6).replace(/[^A-Za-z0-9]/g, 'x')}`,
          target: 'board',
          author: by === 'reviewer' ? REVIEWER_AUTHOR : 'Interviewer',
          role: by,
          text: `Curveball: ${text}`,
          createdAt: at,
          resolved: false,
        }),
      ),
    );
    const curveball: Curveball = { id: stored.id, text, at, ...(effect ? { effect } : {}) };
    this.deps.io.to(session.id).emit(REVIEWER_EVENTS.curveball, curveball);
    if (effect?.traffic) this.events.emit('traffic', { sessionId: session.id, factor: effect.traffic, curveball } satisfies TrafficChange);
    return curveball;
  }
}
