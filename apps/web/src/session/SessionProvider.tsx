import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Account, SessionInfo } from '../api/accountTypes';
import { adoptSession, currentAccount, signIn as apiSignIn, signOut as apiSignOut } from '../api/auth';
import { onSessionLost } from '../api/csrf';
import { forgetMesaAuths } from '../collab/mesaAuth';
import { SessionContext, type Session } from './SessionContext';

/**
 * Asks the server who is signed in (`GET /api/auth/me`, which also hands out the CSRF token)
 * and keeps it for the whole app. A request that finds the session gone signs the app out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ phase: 'loading' | 'ready'; account: Account | null }>({ phase: 'loading', account: null });

  useEffect(() => {
    const ctrl = new AbortController();
    currentAccount(ctrl.signal).then(
      (account) => setState({ phase: 'ready', account }),
      () => {
        // The server is unreachable: behave as a visitor; signing in will say what is wrong.
        if (!ctrl.signal.aborted) setState({ phase: 'ready', account: null });
      },
    );
    const off = onSessionLost(() => {
      forgetMesaAuths();
      setState({ phase: 'ready', account: null });
    });
    return () => {
      ctrl.abort();
      off();
    };
  }, []);

  const switchTo = useCallback((account: Account | null) => {
    forgetMesaAuths();
    setState({ phase: 'ready', account });
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const account = await apiSignIn(email, password);
      switchTo(account);
      return account;
    },
    [switchTo],
  );
  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      switchTo(null);
    }
  }, [switchTo]);
  const adopt = useCallback(
    (info: SessionInfo) => {
      const account = adoptSession(info);
      switchTo(account);
      return account;
    },
    [switchTo],
  );

  const value = useMemo<Session>(
    () => ({ ...state, role: state.account?.role ?? 'public', signIn, signOut, adopt }),
    [state, signIn, signOut, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
