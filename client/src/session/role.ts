import { useEffect } from 'react';
import { may, type Role } from '../../../core/src';
import { useConnectionStore } from '../store/connection';
import { rememberedRole, rememberRole } from './token';

export { ROLE_TITLES } from './role-titles';

/**
 * This user's role: what the server said in its welcome, else what it said last time in this
 * tab (so a reload while offline keeps the right controls), else null (read-only until known).
 */
export function useRole(sessionId: string): Role | null {
  const welcomed = useConnectionStore((s) => (s.welcome?.sessionId === sessionId ? s.welcome.role : null));
  useEffect(() => {
    if (welcomed) rememberRole(sessionId, welcomed);
  }, [sessionId, welcomed]);
  return welcomed ?? rememberedRole(sessionId);
}

/** Whether this role changes the board (the policy table's `board.write`, the same in both modes). */
export const canWrite = (role: Role | null): boolean => may(role, 'board.write', { mode: 'live' });
