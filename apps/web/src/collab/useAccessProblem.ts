import type { HocuspocusProvider, onAuthenticationFailedParameters, onCloseParameters } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { CloseCode } from '@cocrea/collab';
import { ApiError } from '../api/http';
import type { MesaAuth } from './mesaAuth';

/**
 * Why the person's access to the mesa ended while the page was open, or why the server stopped
 * taking their changes: the document is full (4413) or a text was too long (4422). Reconnecting
 * would resend the refused change, so the provider stops in every case.
 */
export type AccessProblem = 'mesa-closed' | 'join-closed' | 'revoked' | 'session-ended' | 'document-too-large' | 'text-too-long' | 'tree-full' | 'invalid-content';

/** The WebSocket close code of a revoked access (docs/permissions.md, "What revoking does"). */
const REVOKED_CODE = CloseCode.Forbidden;

/** Maps a failed token renewal to what the person should be told; `null` for passing trouble. */
export function problemOfRenewal(e: unknown): AccessProblem | null {
  if (!(e instanceof ApiError)) return null;
  if (e.status === 401) return 'session-ended';
  if (e.code === 'mesa_closed') return 'mesa-closed';
  if (e.code === 'join_closed') return 'join-closed';
  return e.status === 403 ? 'revoked' : null;
}

/** Maps a socket close to a problem: `4403` with reason `mesa-closed` or `revoked`, `4413`, `4422` (text too long, tree full, other). */
export function problemOfClose(code: number | undefined, reason: string | undefined): AccessProblem | null {
  if (code === CloseCode.DocumentTooLarge) return 'document-too-large';
  if (code === CloseCode.InvalidContent) {
    if (reason === 'invalid:text-too-long') return 'text-too-long';
    return reason === 'invalid:too-many-nodes' ? 'tree-full' : 'invalid-content';
  }
  if (code !== REVOKED_CODE) return null;
  return reason === 'mesa-closed' ? 'mesa-closed' : 'revoked';
}

/** Maps a refused document (`mesa-closed`, `revoked`) to a problem; other refusals are the banner's. */
export function problemOfDenial(reason: string): AccessProblem | null {
  return reason === 'mesa-closed' ? 'mesa-closed' : reason === 'revoked' ? 'revoked' : null;
}

/**
 * Whether the server ended the person's access (mesa closed, expert removed, role changed,
 * signed out): from the socket's close code, a refused document and failed token renewals. Once
 * it is final the provider stops reconnecting, so nobody hammers the server with refused joins.
 */
export function useAccessProblem(auth: MesaAuth, provider: HocuspocusProvider): AccessProblem | null {
  const [problem, setProblem] = useState<AccessProblem | null>(() => problemOfRenewal(auth.failure()));

  useEffect(() => {
    const settle = (p: AccessProblem | null) => {
      if (!p) return;
      setProblem(p);
      provider.disconnect();
    };
    const onClose = ({ event }: onCloseParameters) => settle(problemOfClose(event.code, event.reason));
    const onDenied = ({ reason }: onAuthenticationFailedParameters) => settle(problemOfDenial(reason));
    provider.on('close', onClose);
    provider.on('authenticationFailed', onDenied);
    const off = auth.onFailure((e) => settle(problemOfRenewal(e)));
    return () => {
      provider.off('close', onClose);
      provider.off('authenticationFailed', onDenied);
      off();
    };
  }, [auth, provider]);

  return problem;
}
