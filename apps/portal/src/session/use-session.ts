import { useEffect, useState } from 'preact/hooks';
import { onSessionChange, readSession, type Session } from './session';

/** The current session, re-rendering when it starts or ends (a 401 anywhere ends it). */
export function useSession(): Session | null {
  const [session, setSession] = useState(() => readSession());
  useEffect(() => onSessionChange(setSession), []);
  // the token's own expiry ends the session even when the page makes no call
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => setSession(readSession()), Math.min(Math.max(left, 0) + 100, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session]);
  return session;
}
