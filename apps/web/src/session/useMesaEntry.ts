import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JoinInfo, MesaRecord } from '../api/accountTypes';
import { getJoinInfo, getMesa, type MesaWithLink } from '../api/client';
import { accountMesaAuth, participantMesaAuth, type JoinDetails, type MesaAuth } from '../collab/mesaAuth';
import { rememberedParticipation } from '../collab/participantMemory';
import { closedReason, resolveMesaAccess, type ClosedReason } from './resolveMesaAccess';
import { useSession } from './SessionContext';

/** Where entering a mesa stands. */
export type MesaEntry =
  | { phase: 'loading' }
  | { phase: 'join'; info: JoinInfo; error: unknown; busy: boolean }
  | { phase: 'closed'; reason: ClosedReason; info: JoinInfo | null }
  | { phase: 'error'; error: unknown }
  | { phase: 'ready'; auth: MesaAuth; mesa: MesaRecord; joinUrl: string };

/** Entering a mesa and the ways to move on. */
export interface MesaEntryControls {
  entry: MesaEntry;
  /** Joins as a participant with what the form says. */
  join: (details: JoinDetails) => void;
  retry: () => void;
  setMesa: (mesa: MesaRecord) => void;
}

/** How often a mesa page re-reads the mesa (join link, closed) in the background. */
const MESA_POLL_MS = 30_000;

async function withMesa(mesaId: string, auth: MesaAuth, signal?: AbortSignal): Promise<MesaEntry> {
  const { mesa, joinUrl }: MesaWithLink = await getMesa(mesaId, { token: await auth.bearer(), ...(signal ? { signal } : {}) });
  return { phase: 'ready', auth, mesa, joinUrl };
}

/**
 * Gets the person into `mesaId` (see {@link resolveMesaAccess}): an account's token, a remembered
 * participant's renewal, or the join form; then reads the mesa with those credentials and keeps
 * it fresh. Starts again when the signed-in account changes.
 */
export function useMesaEntry(mesaId: string): MesaEntryControls {
  const session = useSession();
  const accountId = session.phase === 'ready' ? (session.account?.id ?? '-') : null;
  const [attempt, setAttempt] = useState(0);
  const key = `${mesaId}#${accountId}#${attempt}`;
  const [result, setResult] = useState<{ key: string; entry: MesaEntry } | null>(null);
  const entry = useMemo<MesaEntry>(() => (result?.key === key ? result.entry : { phase: 'loading' }), [result, key]);

  useEffect(() => {
    if (accountId === null) return;
    const ctrl = new AbortController();
    const set = (e: MesaEntry) => {
      if (!ctrl.signal.aborted) setResult({ key, entry: e });
    };
    resolveMesaAccess({
      signedIn: accountId !== '-',
      hasParticipation: rememberedParticipation(mesaId) !== undefined,
      accountAuth: () => accountMesaAuth(mesaId, accountId),
      resumeParticipant: () => participantMesaAuth(mesaId),
      joinInfo: () => getJoinInfo(mesaId, ctrl.signal),
    })
      .then(async (outcome) => {
        if (outcome.kind === 'ready') return withMesa(mesaId, outcome.auth, ctrl.signal);
        return outcome.kind === 'join' ? { phase: 'join' as const, info: outcome.info, error: null, busy: false } : { phase: 'closed' as const, ...outcome };
      })
      .then(set, (error: unknown) => set({ phase: 'error', error }));
    return () => ctrl.abort();
  }, [key, mesaId, accountId]);

  // Keep the mesa's switches fresh while the page is open and visible.
  const ready = entry.phase === 'ready' ? entry : null;
  useEffect(() => {
    if (!ready) return;
    const id = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      withMesa(mesaId, ready.auth).then(
        (next) => setResult((prev) => (prev?.key === key && prev.entry.phase === 'ready' ? { key, entry: next } : prev)),
        () => {
          // A failed refresh keeps what is shown; the socket says when access really ended.
        },
      );
    }, MESA_POLL_MS);
    return () => window.clearInterval(id);
  }, [ready, mesaId, key]);

  const join = useCallback(
    (details: JoinDetails) => {
      if (entry.phase !== 'join') return;
      const info = entry.info;
      setResult({ key, entry: { phase: 'join', info, error: null, busy: true } });
      participantMesaAuth(mesaId, details)
        .then((auth) => withMesa(mesaId, auth))
        .then(
          (next) => setResult({ key, entry: next }),
          (error: unknown) => {
            const reason = closedReason(error);
            setResult({ key, entry: reason ? { phase: 'closed', reason, info } : { phase: 'join', info, error, busy: false } });
          },
        );
    },
    [entry, key, mesaId],
  );
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const setMesa = useCallback(
    (mesa: MesaRecord) => setResult((prev) => (prev?.key === key && prev.entry.phase === 'ready' ? { key, entry: { ...prev.entry, mesa } } : prev)),
    [key],
  );
  return { entry, join, retry, setMesa };
}
