import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PresenceBinding } from './presence/presence-binding';

/** The open board: its document, awareness and presence, for the components that need them. */
export interface BoardHandle {
  sessionId: string;
  doc: Y.Doc;
  awareness: Awareness;
  presence: PresenceBinding;
}

export const BoardContext = createContext<BoardHandle | null>(null);

export function useBoard(): BoardHandle {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useBoard outside a BoardContext provider');
  return board;
}
