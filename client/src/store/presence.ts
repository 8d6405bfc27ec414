import { create } from 'zustand';
import type { Role } from '../../../core/src';

/** Someone on the board, as their awareness state says (validated: it comes from other browsers). */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  role: Role | null;
  self: boolean;
}

export interface Cursor {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

export interface PresenceState {
  /** Who is here, this user first. Changes only when someone joins, leaves or renames. */
  people: Person[];
  /** Other people's pointers in flow coordinates; changes up to ~20 times a second each. */
  cursors: Cursor[];
  /** This user's display name, or null until they have chosen one. */
  myName: string | null;
}

export const usePresenceStore = create<PresenceState>(() => ({ people: [], cursors: [], myName: null }));
