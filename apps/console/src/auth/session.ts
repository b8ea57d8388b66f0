import { can, type Actor, type Permission } from '@redress/kernel';
import { createRedressClient, ok } from '@redress/sdk';

/**
 * Who is signed in. The API reads the subject and roles from the token through its own claim mapping
 * (AUTH_SUBJECT_CLAIM, AUTH_ROLES_CLAIM, AUTH_ROLE_MAP), so the console asks it (`GET /v1/session`)
 * instead of reading claims itself; from the token it reads only `exp`, to warn before it runs out.
 */
export interface Session {
  token: string;
  actor: Actor;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** localStorage: one sign-in for every tab of the browser; signing out (or a 401) clears it for all. */
export const TOKEN_KEY = 'redress.console.token';

/** How long before the token runs out the console warns. */
export const EXPIRY_WARNING_MS = 5 * 60_000;

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The token's `exp` in milliseconds; null when it is not a JWT or has run out. */
export function tokenExpiry(token: string, now: number = Date.now()): number | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const { exp } = decodeSegment(parts[1]) as { exp?: unknown };
    if (typeof exp !== 'number' || exp * 1000 <= now) return null;
    return exp * 1000;
  } catch {
    return null;
  }
}

/** The session the API grants this token; null when it refuses it (401, or 403 for a token without a role). */
export async function establishSession(token: string): Promise<Session | null> {
  const trimmed = token.trim();
  const expiresAt = tokenExpiry(trimmed);
  if (expiresAt === null) return null;
  // a client of its own: a refused token here is an answer, not an expired session to sign out of
  const client = createRedressClient({ baseUrl: '', token: trimmed });
  try {
    const actor = await ok(client.GET('/v1/session'));
    return { token: trimmed, actor: { sub: actor.sub, roles: actor.roles }, expiresAt };
  } catch {
    return null;
  }
}

export const loadToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export function saveToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Whether the signed-in actor's roles allow this action: the API's own permission table (libs/kernel). */
export const allows = (session: Session | null, permission: Permission): boolean =>
  !!session && can(session.actor, permission);
