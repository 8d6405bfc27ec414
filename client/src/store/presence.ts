import { create } from 'zustand';
import type { Role, SectionId } from '../../../core/src';

/**
 * Someone on the board, as their awareness state says (validated: it comes from other browsers).
 * A person with several tabs open is one Person: `clientId` is the tab that stands for them.
 */
export interface Person {
  clientId: number;
  /** Every tab (awareness client) of this person, ascending. */
  clientIds: number[];
  name: string;
  color: string;
  role: Role | null;
  self: boolean;
  /** The AI reviewer (a participant that follows the board, not a person). */
  bot?: boolean;
  /** The browser's id, shared by a person's tabs. */
  id?: string;
}

/** Someone else typing in a design section right now. */
export interface TypingMark {
  clientId: number;
  name: string;
  color: string;
  section: SectionId;
  at: number;
}

export interface Cursor {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

/** The nodes another person has selected, drawn around those nodes in their colour. */
export interface RemoteSelection {
  clientId: number;
  name: string;
  color: string;
  ids: string[];
}

/** A part of the board in flow coordinates. */
export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PresenceState {
  /** Who is here, this user first. Changes only when someone joins, leaves or renames. */
  people: Person[];
  /** Other people's pointers in flow coordinates; changes up to ~20 times a second each. */
  cursors: Cursor[];
  /** Other people's selections (only people with at least one node selected). */
  selections: RemoteSelection[];
  /** What each other person has on screen, by client id; read only while following them. */
  views: Readonly<Record<number, ViewRect>>;
  /** Other people typing in a design section, earliest first. */
  typing: TypingMark[];
  /** The person whose view this user's view follows, or null. */
  following: number | null;
  /** This user's display name, or null until they have chosen one. */
  myName: string | null;
}

export const usePresenceStore = create<PresenceState>(() => ({ people: [], cursors: [], selections: [], views: {}, typing: [], following: null, myName: null }));

/** Starts following someone's view (null stops). Following oneself is meaningless and ignored. */
export function setFollowing(clientId: number | null): void {
  const self = usePresenceStore.getState().people.find((p) => p.self)?.clientId;
  usePresenceStore.setState({ following: clientId === self ? null : clientId });
}

/** The first candidate on the board other than this user: whom "Follow candidate" follows. */
export function candidateOf(people: readonly Person[]): Person | null {
  return people.find((p) => !p.self && p.role === 'candidate') ?? null;
}
