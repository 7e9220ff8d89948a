import { createContext, useContext } from 'react';
import type { Account, SessionInfo } from '../api/accountTypes';
import type { Role } from './permissions';

/** The signed-in account (or none) and the ways to change it. */
export interface Session {
  /** `loading` until the server said who is signed in. */
  phase: 'loading' | 'ready';
  account: Account | null;
  /** The account's role, `public` for a visitor. */
  role: Role;
  signIn: (email: string, password: string) => Promise<Account>;
  signOut: () => Promise<void>;
  /** Keeps a session the server opened elsewhere (accepting an invitation). */
  adopt: (info: SessionInfo) => Account;
}

/** Provided once, by `SessionProvider`. */
export const SessionContext = createContext<Session | null>(null);

/** The current session; throws outside `SessionProvider`. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
