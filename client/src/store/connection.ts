import { create } from 'zustand';
import type { ErrorBody, Role, Welcome } from '../../../core/src';

/**
 * What the user should know about the link to the server:
 * - `connecting`: first contact not made yet (or reconnecting after a drop);
 * - `syncing`: connected, some local edits not acknowledged by the server yet;
 * - `saved`: connected and every local edit is stored on the server;
 * - `offline`: no connection; edits are kept in the browser (IndexedDB) and sent on reconnect;
 * - `denied`: the server refused this link (wrong token, unknown session): retrying will not help.
 */
export type ConnectionStatus = 'connecting' | 'syncing' | 'saved' | 'offline' | 'denied';

export interface ConnectionState {
  status: ConnectionStatus;
  welcome: Welcome | null;
  /** Local updates sent but not yet acknowledged. */
  pending: number;
  lastError: ErrorBody | null;
}

export const useConnectionStore = create<ConnectionState>(() => ({
  status: 'connecting',
  welcome: null,
  pending: 0,
  lastError: null,
}));

export const selectRole = (s: ConnectionState): Role | null => s.welcome?.role ?? null;
