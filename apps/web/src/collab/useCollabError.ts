import { DenialReason, type DenialReasonValue } from '@cocrea/collab';
import type { HocuspocusProvider, onAuthenticationFailedParameters } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

/** Why the collaboration server refused the document: one of cocrea's reasons, or `generic`. */
export type CollabErrorKind = DenialReasonValue | 'generic';

const KNOWN = new Set<string>(Object.values(DenialReason));

/** How many times in a row an expired token is renewed on the same socket before giving up. */
const MAX_RENEWALS = 2;

/**
 * The current refusal of the tree document, or `null` while all is well. An expired token is
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
    provider.on('authenticationFailed', onFailed);
    provider.on('authenticated', onAuthenticated);
    return () => {
      provider.off('authenticationFailed', onFailed);
      provider.off('authenticated', onAuthenticated);
    };
  }, [provider]);

  return error;
}
