import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useRef, useState } from 'react';
import { parseLockMessage, type LockSignal } from './lockState';

/**
 * The server's last `locked`/`unlocked` stateless message on the roadmap provider (sent when a
 * commitment is finalized or reopened); calls `onSignal` on each, e.g. to reload the commitment.
 */
export function useLockSignal(provider: HocuspocusProvider, onSignal: () => void): LockSignal | null {
  const [signal, setSignal] = useState<LockSignal | null>(null);
  const callback = useRef(onSignal);
  useEffect(() => {
    callback.current = onSignal;
  }, [onSignal]);

  useEffect(() => {
    const onStateless = ({ payload }: { payload: string }) => {
      const locked = parseLockMessage(payload);
      if (locked === null) return;
      setSignal({ locked, at: Date.now() });
      callback.current();
    };
    provider.on('stateless', onStateless);
    return () => {
      provider.off('stateless', onStateless);
    };
  }, [provider]);
  return signal;
}
