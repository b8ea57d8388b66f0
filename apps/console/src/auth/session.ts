import { can, ROLES, type Actor, type Permission, type Role } from '@redress/kernel';

/** Who is signed in, as the token says; the API verifies the token on every call, the console only reads it. */
export interface Session {
  token: string;
  actor: Actor;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'redress.console.token';

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Reads sub, roles and exp from a JWT; null when it is not one or has expired. */
export function parseToken(token: string, now: number = Date.now()): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = decodeSegment(parts[1]) as { sub?: unknown; roles?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    const roles = (Array.isArray(claims.roles) ? claims.roles : []).filter((r): r is Role =>
      (ROLES as readonly unknown[]).includes(r),
    );
    const expiresAt = claims.exp * 1000;
    if (expiresAt <= now) return null;
    return { token: token.trim(), actor: { sub: claims.sub, roles }, expiresAt };
  } catch {
    return null;
  }
}

// sessionStorage: a token ends with the tab instead of lingering on a shared machine.
export function loadSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token ? parseToken(token) : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** Whether the signed-in actor's roles allow this action: the API's own permission table (libs/kernel). */
export const allows = (session: Session | null, permission: Permission): boolean =>
  !!session && can(session.actor, permission);
