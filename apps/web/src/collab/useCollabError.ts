import { CloseCode, DenialReason, type DenialReasonValue } from '@cocrea/collab';
import type { HocuspocusProvider, onAuthenticationFailedParameters, onCloseParameters } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

/**
 * Why the collaboration server refused the document: one of cocrea's reasons, or `generic`; or
 * why it closed the socket for a moment: `rate-limited` (4429: this connection sent more than its
 * budget; the provider reconnects and resends) or `timed-out` (4408: the connection went quiet).
 */
export type CollabErrorKind = DenialReasonValue | 'generic' | 'rate-limited' | 'timed-out';

/** The passing problem a socket close code means, or `null` (final closes are useAccessProblem's). */
export function passingProblemOfClose(code: number | undefined): 'rate-limited' | 'timed-out' | null {
  if (code === CloseCode.RateLimited) return 'rate-limited';
  return code === CloseCode.ConnectionTimeout ? 'timed-out' : null;
}

const KNOWN = new Set<string>(Object.values(DenialReason));

/** How many times in a row an expired token is renewed on the same socket before giving up. */
const MAX_RENEWALS = 2;

/**
 * The current refusal of the tree document (or a passing close of its socket), or `null` while
 * all is well. An expired token is
 * renewed at once (the provider's token function asks the server for a fresh one); the message
 * stays visible until the server accepts.
 */
export function useCollabError(provider: HocuspocusProvider): CollabErrorKind | null {
  const [error, setError] = useState<CollabErrorKind | null>(null);

  useEffect(() => {
    let renewals = 0;
    const onFailed = ({ reason }: onAuthenticationFailedParameters) => {
      const kind: CollabErrorKind = KNOWN.has(reason) ? (reason as DenialReasonValue) : 'generic';
      setError(kind);
      if (kind === DenialReason.ExpiredToken && renewals < MAX_RENEWALS) {
        renewals++;
        void provider.sendToken().then(() => provider.startSync());
      }
    };
    const onAuthenticated = () => {
      renewals = 0;
      setError(null);
    };
    const onClose = ({ event }: onCloseParameters) => {
      const passing = passingProblemOfClose(event.code);
      if (passing) setError(passing);
    };
    provider.on('authenticationFailed', onFailed);
    provider.on('authenticated', onAuthenticated);
    provider.on('close', onClose);
    return () => {
      provider.off('authenticationFailed', onFailed);
      provider.off('authenticated', onAuthenticated);
      provider.off('close', onClose);
    };
  }, [provider]);

  return error;
}
