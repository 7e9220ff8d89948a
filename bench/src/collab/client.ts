import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SaveTracker } from '@cocrea/collab';
import { now } from './procs';

/** Which server a client talks to; it decides the transport and what "acknowledged" means. */
export type ServerKind = 'cocrea' | 'hocuspocus' | 'yws';

/** Everything a process needs to open one client. */
export interface ClientSpec {
  server: ServerKind;
  /** Provider base URL: `ws://…/collab` (cocrea), `ws://…` (Hocuspocus, y-websocket). */
  wsUrl: string;
  docName: string;
  /** cocrea only: the token from `POST /api/mesas/:id/join`. */
  token?: string;
  /** Global index of the client in its scenario (names its timestamp key). */
  index: number;
}

/**
 * One collaborator: a Y.Doc and a provider. The load generator has two transports, chosen by the
 * server: `@hocuspocus/provider` for cocrea and stock Hocuspocus, `y-websocket`'s
 * `WebsocketProvider` for @y/websocket-server. Acknowledgement, where the server offers one:
 * cocrea's `saved` (through `SaveTracker`); stock Hocuspocus' `unsyncedChanges` reaching 0.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  /** Local updates made so far (each benchmark edit is exactly one). */
  localUpdates = 0;
  /** Local updates the server has acknowledged (always 0 for y-websocket: it has no ack). */
  acked = 0;
  /** When the provider was created and when it first reported synced (shared clock, ms). */
  readonly openedAt = now();
  syncedAt = Number.NaN;
  private readonly ackListeners = new Set<(acked: number) => void>();
  private readonly destroyers: (() => void)[] = [];
  private readonly origin: unknown;
  private isSynced = false;
  private failure: string | null = null;

  constructor(readonly spec: ClientSpec) {
    const markSynced = () => {
      if (!this.isSynced) {
        this.isSynced = true;
        this.syncedAt = now();
      }
    };
    if (spec.server === 'yws') {
      const provider = new WebsocketProvider(spec.wsUrl, spec.docName, this.doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        // Clients of one worker process would otherwise talk over BroadcastChannel, not the server.
        disableBc: true,
      });
      provider.on('sync', (s: boolean) => {
        if (s) markSynced();
      });
      this.origin = provider;
      provider.awareness.setLocalStateField('user', { id: `u${spec.index}`, name: `Persona ${spec.index}` });
      this.destroyers.push(() => provider.destroy());
    } else {
      const socket = new HocuspocusProviderWebsocket({ url: spec.wsUrl, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: spec.docName,
        document: this.doc,
        token: spec.token ?? null,
        onAuthenticationFailed: ({ reason }) => {
          this.failure = `authentication failed: ${reason}`;
        },
      });
      provider.attach();
      provider.on('synced', ({ state }: { state: boolean }) => {
        if (state) markSynced();
      });
      provider.setAwarenessField('user', { id: `u${spec.index}`, name: `Persona ${spec.index}` });
      this.origin = provider;
      if (spec.server === 'cocrea') {
        const tracker = new SaveTracker(this.doc, provider);
        tracker.subscribe((s) => this.setAcked(s.saved));
        this.destroyers.push(() => tracker.destroy());
      } else {
        // The best signal a stock client has: every update it sent was applied in memory.
        provider.on('unsyncedChanges', ({ number }: { number: number }) => {
          if (number === 0) this.setAcked(this.localUpdates);
        });
      }
      this.destroyers.push(() => {
        provider.destroy();
        socket.destroy();
      });
    }
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== this.origin) this.localUpdates++;
    });
  }

  /** Resolves once the provider has synced (the time is in `syncedAt`). */
  async whenSynced(timeoutMs: number): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isSynced) {
      if (this.failure) throw new Error(`${this.spec.docName}: ${this.failure}`);
      if (Date.now() > deadline) throw new Error(`${this.spec.docName}: not synced after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this;
  }

  /** `true` if this update came from the server rather than from this client. */
  isRemote(origin: unknown): boolean {
    return origin === this.origin;
  }

  onAck(cb: (acked: number) => void): () => void {
    this.ackListeners.add(cb);
    return () => this.ackListeners.delete(cb);
  }

  /** Resolves when every local update is acknowledged (not for y-websocket, which has no ack). */
  async whenAllAcked(timeoutMs: number): Promise<void> {
    if (this.spec.server === 'yws') return;
    const deadline = Date.now() + timeoutMs;
    while (this.acked < this.localUpdates) {
      if (Date.now() > deadline) throw new Error(`${this.spec.docName}: ${this.localUpdates - this.acked} edits not acknowledged after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  destroy(): void {
    for (const d of this.destroyers.splice(0)) {
      try {
        d();
      } catch {
        // the socket may already be gone
      }
    }
    this.ackListeners.clear();
    this.doc.destroy();
  }

  private setAcked(n: number): void {
    if (n <= this.acked) return;
    this.acked = n;
    for (const l of this.ackListeners) l(n);
  }
}

/** Opens `specs` with at most `concurrency` handshakes at a time; every client is synced. */
export async function openClients(specs: readonly ClientSpec[], concurrency: number, timeoutMs: number): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  try {
    for (let i = 0; i < specs.length; i += concurrency) {
      const batch = specs.slice(i, i + concurrency).map((s) => new BenchClient(s));
      out.push(...batch);
      await Promise.all(batch.map((c) => c.whenSynced(timeoutMs)));
    }
  } catch (err) {
    for (const c of out) c.destroy();
    throw err;
  }
  return out;
}
