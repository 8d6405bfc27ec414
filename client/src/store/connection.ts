import { create } from 'zustand';
import type { ErrorBody, Role, Welcome } from '../../../core/src';
import type { Refusal } from '../sync/sync-client';

/**
 * What the user should know about the link to the server:
 * - `connecting`: first contact not made yet (or reconnecting after a drop);
 * - `syncing`: connected, some local edits not acknowledged by the server yet;
 * - `saved`: connected and every local edit is stored on the server;
 * - `offline`: no connection; edits are kept in the browser (IndexedDB) and sent on reconnect;
 * - `refused`: the server refused an edit; it is being undone here (never shown as saved);
 * - `denied`: the server refused this link (wrong token, unknown session): retrying will not help.
 */
export type ConnectionStatus = 'connecting' | 'syncing' | 'saved' | 'offline' | 'refused' | 'denied';

export interface ConnectionState {
  status: ConnectionStatus;
  welcome: Welcome | null;
  /** Local updates sent but not yet acknowledged. */
  pending: number;
  lastError: ErrorBody | null;
  /** The last edit the server refused and this browser undid, until the user dismisses it. */
  refusal: Refusal | null;
  /** The server takes no edits from this page (the session ended, or the role only reads). */
  readOnly: boolean;
  /** Forgets `refusal`. */
  dismissRefusal: () => void;
}

export const INITIAL_CONNECTION = {
  status: 'connecting',
  welcome: null,
  pending: 0,
  lastError: null,
  refusal: null,
  readOnly: false,
  dismissRefusal: () => undefined,
} satisfies ConnectionState;

export const useConnectionStore = create<ConnectionState>(() => ({ ...INITIAL_CONNECTION }));

export const selectRole = (s: ConnectionState): Role | null => s.welcome?.role ?? null;
