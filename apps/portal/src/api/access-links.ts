import { ok } from '@redress/sdk';
import type { Session } from '../session/session';

/**
 * The two access-link calls (issue 19, "One-time access links"), typed here by hand until the SDK's
 * generated schema has them; they go through the SDK's ok() so that a refusal is a RedressProblem as
 * everywhere else. Switch to `api.POST('/v1/access-links', …)` once libs/sdk/schema.ts lists them.
 */
async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json().catch(() => undefined);
  return ok(Promise.resolve({ data: parsed as T, error: parsed, response }));
}

/** Always 202 with the same body, known address or not: the page cannot tell, and says so. */
export const requestAccessLink = (email: string, suspensionId?: string): Promise<unknown> =>
  post('/v1/access-links', suspensionId ? { email, suspensionId } : { email });

/** The link's token for a session token (used, expired or forged: 401 unauthenticated). */
export const exchangeAccessLink = (token: string): Promise<Session> =>
  post<Session>('/v1/access-links/exchange', { token });
