import { randomBytes } from 'node:crypto';

/** An id for one review run, to match its progress events. */
export function newRequestId(): string {
  return randomBytes(9).toString('base64url');
}
