import { WebSocketStatus, type HocuspocusProvider } from '@hocuspocus/provider';

/** The provider's connection as the status line needs it. */
export interface ConnectionSnapshot {
  socket: WebSocketStatus;
  /** The document is in sync with the server over the current socket. */
  synced: boolean;
  /** The document has been in sync at least once (the first load is done). */
  everSynced: boolean;
}

/**
 * Follows a provider's socket status and sync state from the moment it is created, so nothing
 * is missed before React subscribes; readable with `useSyncExternalStore`.
 */
export class ConnectionTracker {
  private snapshot: ConnectionSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly provider: HocuspocusProvider) {
    this.snapshot = { socket: provider.configuration.websocketProvider.status, synced: provider.isSynced, everSynced: provider.isSynced };
    provider.on('status', this.update);
    provider.on('synced', this.update);
    provider.on('close', this.update);
  }

  /** Calls `cb` whenever the snapshot changes; returns the unsubscribe function. */
  readonly subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };

  /** The current state (same object until something changes). */
  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Stops following the provider. */
  destroy(): void {
    this.provider.off('status', this.update);
    this.provider.off('synced', this.update);
    this.provider.off('close', this.update);
    this.listeners.clear();
  }

  private readonly update = () => {
    const socket = this.provider.configuration.websocketProvider.status;
    const synced = socket === WebSocketStatus.Connected && this.provider.isSynced;
    const everSynced = this.snapshot.everSynced || synced;
    const s = this.snapshot;
    if (s.socket === socket && s.synced === synced && s.everSynced === everSynced) return;
    this.snapshot = { socket, synced, everSynced };
    for (const l of this.listeners) l();
  };
}
