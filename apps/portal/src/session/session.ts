/**
 * The access session: the token POST /v1/access-links/exchange answered, kept in this tab's
 * sessionStorage only (closing the tab signs out; nothing lingers on a shared computer).
 */
export interface Session {
  accessToken: string;
  expiresAt: string;
  accountId: string;
}

export const SESSION_KEY = 'redress.portal.session';
/** Why the last session ended, shown once on the link page. */
const ENDED_KEY = 'redress.portal.ended';

export type EndReason = 'expired' | 'signed_out';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return (
    typeof s?.accessToken === 'string' && typeof s.expiresAt === 'string' && typeof s.accountId === 'string'
  );
}

export function readSession(now = Date.now()): Session | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (!isSession(parsed)) return null;
    if (Date.parse(parsed.expiresAt) <= now) {
      endSession('expired');
      return null;
    }
    return parsed;
  } catch {
    return null;
  }
}

export function startSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  sessionStorage.removeItem(ENDED_KEY);
  listeners.forEach((listener) => listener(session));
}

export function endSession(reason: EndReason): void {
  if (sessionStorage.getItem(SESSION_KEY) === null) return;
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.setItem(ENDED_KEY, reason);
  listeners.forEach((listener) => listener(null));
}

/** Why the previous session ended (once: reading it clears it). */
export function takeEndReason(): EndReason | null {
  const reason = sessionStorage.getItem(ENDED_KEY) as EndReason | null;
  sessionStorage.removeItem(ENDED_KEY);
  return reason;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
