import { WIRE_LIMITS, type ErrorCode } from '../../../../core/src';

const MIB = 1024 * 1024;

/** Why the server refused a change, and what the user can do about it, per refusal code. */
export const REFUSAL_TEXT: Partial<Record<ErrorCode, { why: string; todo: string }>> = {
  SESSION_CLOSED: {
    why: 'The interview has ended, so the board no longer takes changes.',
    todo: 'Nothing to do: this board now shows exactly what was saved.',
  },
  BOARD_FULL: {
    why: `The board is full: it may hold at most ${WIRE_LIMITS.maxDocumentBytes / MIB} MiB.`,
    todo: 'Remove something large (a long pasted text, say), then make the change again, perhaps in smaller steps.',
  },
  TOO_LARGE: {
    why: `A single value can be at most ${WIRE_LIMITS.maxMessageBytes / MIB} MiB.`,
    todo: 'Make the change in smaller pieces, for example paste a long text in several parts.',
  },
  FORBIDDEN: {
    why: 'This link may not make that change (an observer link only reads, and a comment is signed with its writer’s role).',
    todo: 'Ask the interviewer if you need to edit the board.',
  },
  BAD_MESSAGE: {
    why: 'The server could not read the change this browser sent.',
    todo: 'Reload the page and try again; if it happens again, please report it.',
  },
};

/** The list of what was undone, as one sentence fragment ("node “Cache” and text in the API section"). */
export function listUndone(undone: readonly string[]): string {
  if (undone.length === 0) return 'your latest change';
  const shown = undone.slice(0, 4);
  const rest = undone.length - shown.length;
  const items = rest > 0 ? [...shown, `${rest} more`] : shown;
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
