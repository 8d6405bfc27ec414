import { SECTION_IDS, type Role, type SectionId } from '../../../../core/src';
import type { ViewRect } from '../../store/presence';
import { isBrowserId } from './browser-id';

/*
 * The awareness state each participant publishes (y-protocols awareness, never in the Y.Doc):
 *   user:   {name, color, role, id}       who they are; `id` is per browser, shared by its tabs
 *   cursor: {x, y} | null                 pointer in flow coordinates, ~20 Hz
 *   drag:   {id, x, y} | null             a node being dragged, position as in the document
 *   selection: string[]                   ids of the nodes they have selected
 *   view:   {x, y, width, height} | null  the part of the board on their screen (for "follow")
 *   typing: {section, at} | null          the design section they are typing in, since `at` (ms)
 * Remote states come from other browsers, so they are read through the guards below.
 */
export interface UserField {
  name: string;
  color: string;
  role: Role | null;
  /** The AI reviewer following the board: shown as such, never as a person. */
  bot?: boolean;
  /** The browser's id (browser-id.ts): states with the same one are one person in several tabs. */
  id?: string;
}

const COLORS = ['#e5484d', '#0090ff', '#30a46c', '#f76b15', '#8e4ec6', '#d6409f', '#12a594', '#ad7f58'];

/** A colour per participant, stable for the life of their connection. */
export function colorFor(clientId: number): string {
  return COLORS[clientId % COLORS.length] ?? '#0090ff';
}

/** A colour per browser, so that a person's tabs share one colour. */
export function colorForKey(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return colorFor(hash);
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function readUser(state: unknown, clientId: number): UserField | null {
  const user = isRecord(state) ? state.user : null;
  if (!isRecord(user) || typeof user.name !== 'string') return null;
  const role = user.role === 'candidate' || user.role === 'interviewer' || user.role === 'observer' ? user.role : null;
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : colorFor(clientId);
  const field: UserField = { name: user.name.trim().slice(0, 40) || 'Someone', color, role };
  if (user.bot === true) field.bot = true;
  else if (isBrowserId(user.id)) field.id = user.id;
  return field;
}

export function readPoint(state: unknown, field: 'cursor'): { x: number; y: number } | null {
  const value = isRecord(state) ? state[field] : null;
  return isRecord(value) && isNumber(value.x) && isNumber(value.y) ? { x: value.x, y: value.y } : null;
}

export function readDrag(state: unknown): { id: string; x: number; y: number } | null {
  const value = isRecord(state) ? state.drag : null;
  return isRecord(value) && typeof value.id === 'string' && isNumber(value.x) && isNumber(value.y)
    ? { id: value.id, x: value.x, y: value.y }
    : null;
}

/** Calls `fn` at most every `ms`, always with the latest arguments (trailing call kept). */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    if (pending) {
      const args = pending;
      pending = null;
      fn(...args);
    }
  };
  const throttled = (...args: A) => {
    pending = args;
    const wait = ms - (Date.now() - last);
    if (wait <= 0 && !timer) run();
    else timer ??= setTimeout(run, Math.max(0, wait));
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}

/** The most node ids a selection field carries: enough to show, small enough for one message. */
export const MAX_SHARED_SELECTION = 100;

export function readSelection(state: unknown): string[] {
  const value = isRecord(state) ? state.selection : null;
  if (!Array.isArray(value)) return [];
  return value.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 128).slice(0, MAX_SHARED_SELECTION);
}

export function readView(state: unknown): ViewRect | null {
  const value = isRecord(state) ? state.view : null;
  if (!isRecord(value) || !isNumber(value.x) || !isNumber(value.y) || !isNumber(value.width) || !isNumber(value.height)) return null;
  if (value.width <= 0 || value.height <= 0) return null;
  return { x: value.x, y: value.y, width: value.width, height: value.height };
}

/** Someone typing in a design section: which one, and since when (their clock, for ordering only). */
export interface TypingField {
  section: SectionId;
  at: number;
}

export function readTyping(state: unknown): TypingField | null {
  const value = isRecord(state) ? state.typing : null;
  if (!isRecord(value) || !isNumber(value.at)) return null;
  const section = SECTION_IDS.find((id) => id === value.section);
  return section ? { section, at: value.at } : null;
}
