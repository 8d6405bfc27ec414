import type { Clarification, PromptSummary, Role } from '../../../core/src';

/** A prompt as `GET /api/prompts/:id` returns it (the public part only). */
export interface PromptDetails extends PromptSummary {
  body?: string;
  clarifications?: Clarification[];
}

export interface CreatedSession {
  id: string;
  links: Record<Role, string>;
}

export type SessionMode = 'live' | 'solo';

/** An API failure with the server's message (errors are `{error: {code, message}}`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`,
    );
  }
  return body as T;
}

export function listPrompts(signal?: AbortSignal): Promise<PromptSummary[]> {
  return request('/api/prompts', { signal });
}

export function getPrompt(id: string, signal?: AbortSignal): Promise<PromptDetails> {
  return request(`/api/prompts/${encodeURIComponent(id)}`, { signal });
}

export function createSession(prompt: string, mode: SessionMode): Promise<CreatedSession> {
  return request('/api/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prompt, mode }),
  });
}

/** A link path from the server as an absolute URL on this origin. */
export function absoluteLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}
