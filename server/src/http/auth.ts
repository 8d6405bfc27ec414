import type { Request } from 'express';
import { WRITER_ROLES, may, type Action, type Role } from '../../../core/src';
import { resolveRole } from '../sessions/service';
import type { SessionRecord, Storage } from '../storage/types';
import { HttpError } from './errors';

export interface Authorized {
  session: SessionRecord;
  role: Role;
}

/** The token from `Authorization: Bearer T` or, for links and simple clients, `?token=T`. */
export function tokenOf(req: Request): string | null {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? match[1]! : null;
  }
  const query = req.query.token;
  return typeof query === 'string' && query.length > 0 ? query : null;
}

/**
 * Resolves the request's token to a role in the session named by `:id`. 404 for an unknown
 * session, 401 for a missing or wrong token, 403 when the role may not do what is asked:
 * an action of the policy table (core/src/protocol/policy.ts), read with the session's mode.
 */
export async function authorize(
  storage: Storage,
  req: Request,
  allowed: Action | ReadonlySet<Role> | 'any' = 'any',
): Promise<Authorized> {
  const id = String(req.params.id ?? '');
  const session = await storage.getSession(id);
  if (!session) throw new HttpError('NOT_FOUND', 'no such session');
  const token = tokenOf(req);
  if (!token) throw new HttpError('UNAUTHORIZED', 'send the session token as "Authorization: Bearer <token>"');
  const role = await resolveRole(storage, id, token);
  if (!role) throw new HttpError('UNAUTHORIZED', 'the token is not valid for this session');
  const permitted = allowed === 'any' || (typeof allowed === 'string' ? may(role, allowed, { mode: session.mode }) : allowed.has(role));
  if (!permitted) throw new HttpError('FORBIDDEN', `the ${role} role may not do this`);
  return { session, role };
}

/** The board's writers, for routes that predate the policy table's actions. */
export const WRITERS = WRITER_ROLES;
