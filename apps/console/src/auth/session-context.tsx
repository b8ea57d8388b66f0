import { createRedressClient, type RedressClient } from '@redress/sdk';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { establishSession, loadToken, saveToken, TOKEN_KEY, type Session } from './session';

interface SessionState {
  session: Session | null;
  /** true while a stored token is being checked with the API */
  checking: boolean;
  api: RedressClient;
  /** Signs in with a token if the API accepts it; false when it does not. */
  signIn: (token: string) => Promise<boolean>;
  signOut: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(initial ?? null);
  const [checking, setChecking] = useState(initial === undefined && loadToken() !== null);
  const adopt = useCallback(async (token: string | null) => {
    const next = token ? await establishSession(token) : null;
    if (token && !next) saveToken(null);
    setSession(next);
    setChecking(false);
    return next !== null;
  }, []);
  const signIn = useCallback(
    async (token: string) => {
      const accepted = await adopt(token);
      if (accepted) saveToken(token.trim());
      return accepted;
    },
    [adopt],
  );
  const signOut = useCallback(() => {
    saveToken(null);
    setSession(null);
  }, []);

  useEffect(() => {
    if (initial === undefined) void adopt(loadToken());
    // another tab signed in or out: follow it, so all tabs share one sign-in
    const follow = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY || event.key === null) void adopt(loadToken());
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [adopt, initial]);

  // A 401 means the token expired or was revoked: back to the sign-in page (drafts are kept per case).
  const api = useMemo(
    () => createRedressClient({ baseUrl: '', token: () => session?.token, onUnauthenticated: signOut }),
    [session, signOut],
  );
  const value = useMemo(
    () => ({ session, checking, api, signIn, signOut }),
    [session, checking, api, signIn, signOut],
  );
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
