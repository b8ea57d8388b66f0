import { createRedressClient, type RedressClient } from '@redress/sdk';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadSession, saveSession, type Session } from './session';

interface SessionState {
  session: Session | null;
  api: RedressClient;
  signIn: (session: Session) => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() =>
    initial === undefined ? loadSession() : initial,
  );
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  // A 401 means the token expired or was revoked: back to the sign-in page rather than a wall of errors.
  const api = useMemo(
    () => createRedressClient({ baseUrl: '', token: () => session?.token, onUnauthenticated: signOut }),
    [session, signOut],
  );
  const value = useMemo(() => ({ session, api, signIn, signOut }), [session, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** For pages that only render when signed in. */
export function useSignedIn(): SessionState & { session: Session } {
  const state = useSession();
  if (!state.session) throw new Error('not signed in');
  return state as SessionState & { session: Session };
}
