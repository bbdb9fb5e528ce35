import { createContext, useContext } from 'react';
import type { SessionUser } from '@crieur/api';

export type SessionState = {
  user: SessionUser | null;
  /** Re-reads GET /api/session (user and CSRF token), e.g. after login. */
  refresh: () => Promise<SessionUser | null>;
  logout: () => Promise<void>;
};

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a logged-in user');
  return user;
}
