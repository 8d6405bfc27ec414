import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: unguessable capability tokens (the contract asks for at least 128). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 96 random bits: ids are not secrets (tokens are), but should not be enumerable. */
export function newSessionId(): string {
  return randomBytes(12).toString('base64url');
}

/** Only the hash is stored, so a leaked database does not leak working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
