import { WebSocketStatus } from '@hocuspocus/provider';
import { useSyncExternalStore } from 'react';
import type { ConnectionTracker } from './ConnectionTracker';
import { useOnline } from './useOnline';

/** What the status line says about the connection (also the `data-state` of `status-connection`). */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

/** The connection state, plus whether the document has ever been in sync (first load done). */
export interface ConnectionStatus {
  state: ConnectionState;
  /** `false` until the first sync: the label then says "connecting" rather than "reconnecting". */
  everSynced: boolean;
}

/**
 * "connected" means the socket is open *and* the document is in sync, so a refused or
 * still-authenticating document never reads as connected.
 */
export function useConnectionStatus(tracker: ConnectionTracker): ConnectionStatus {
  const online = useOnline();
  const { socket, synced, everSynced } = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
  const state: ConnectionState = !online ? 'offline' : socket === WebSocketStatus.Connected && synced ? 'connected' : 'reconnecting';
  return { state, everSynced };
}
