import type * as Y from 'yjs';
import {
  flushMessageSchema,
  parseStateless,
  readOnlyMessageSchema,
  saveResumedMessageSchema,
  saveStalledMessageSchema,
  savedMessageSchema,
  type FlushMessage,
} from './saveProtocol';

/**
 * The slice of `HocuspocusProvider` the tracker needs. The provider must not batch updates
 * (`flushDelay` unset): a batched update could leave after the flush that claims to follow it.
 */
export interface StatelessChannel {
  readonly synced: boolean;
  sendStateless(payload: string): void;
  on(event: 'stateless', cb: (e: { payload: string }) => void): unknown;
  on(event: 'synced', cb: (e: { state: boolean }) => void): unknown;
  off(event: 'stateless', cb: (e: { payload: string }) => void): unknown;
  off(event: 'synced', cb: (e: { state: boolean }) => void): unknown;
}

/** What the status line shows: every local edit durable, or some still on their way. */
export interface SaveState {
  /** Local edits made so far (a counter, not a clock). */
  edits: number;
  /** Local edits the server has confirmed durable. */
  saved: number;
  /** `true` when every local edit is durable ("Guardado"). */
  isSaved: boolean;
  /** `true` when the server refused edits because the document is read-only. */
  refused: boolean;
  /**
   * `true` while the server says the edits are not reaching its disk or database (a stall past
   * its threshold): they are held in memory only, so the page must stay open.
   */
  stalled: boolean;
}

/**
 * Tracks which local edits the server has made durable, through the flush/saved handshake
 * (see `saveProtocol`). At most one flush is in flight: edits made while waiting are covered by
 * the next one, so a fast typist costs one small message per round trip, not per keystroke.
 */
export class SaveTracker {
  private edits = 0;
  private saved = 0;
  private inFlight: number | null = null;
  private refused = false;
  private stalled = false;
  private scheduled = false;
  private readonly listeners = new Set<(s: SaveState) => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly channel: StatelessChannel,
  ) {
    doc.on('update', this.onUpdate);
    channel.on('stateless', this.onStateless);
    channel.on('synced', this.onSynced);
  }

  /** The current state. */
  get state(): SaveState {
    return { edits: this.edits, saved: this.saved, isSaved: this.saved >= this.edits, refused: this.refused, stalled: this.stalled };
  }

  /** Calls `cb` on every change of state; returns the unsubscribe function. */
  subscribe(cb: (s: SaveState) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Stops listening to the document and the channel. */
  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.channel.off('stateless', this.onStateless);
    this.channel.off('synced', this.onSynced);
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // The provider applies remote updates with itself as origin; everything else is ours.
    if (origin === this.channel) return;
    this.edits++;
    this.emit();
    // The provider sends the update from its own `update` listener; flushing after the current
    // task guarantees the flush leaves after every update of this transaction.
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.maybeFlush();
      });
    }
  };

  private readonly onStateless = ({ payload }: { payload: string }) => {
    if (parseStateless(readOnlyMessageSchema, payload)) {
      this.refused = true;
      this.stalled = false;
      this.inFlight = null;
      this.emit();
      return;
    }
    if (parseStateless(saveStalledMessageSchema, payload) || parseStateless(saveResumedMessageSchema, payload)) {
      this.stalled = parseStateless(saveStalledMessageSchema, payload) !== null;
      this.emit();
      return;
    }
    const msg = parseStateless(savedMessageSchema, payload);
    if (!msg) return;
    this.refused = false;
    this.stalled = false;
    if (msg.id > this.saved) this.saved = Math.min(msg.id, this.edits);
    if (this.inFlight !== null && msg.id >= this.inFlight) this.inFlight = null;
    this.emit();
    this.maybeFlush();
  };

  private readonly onSynced = ({ state }: { state: boolean }) => {
    // A reconnect loses whatever flush was in flight; the sync that just happened carried our
    // missing edits, so a new flush now covers them.
    if (!state) return;
    this.inFlight = null;
    this.maybeFlush();
  };

  private maybeFlush(): void {
    if (this.inFlight !== null || this.saved >= this.edits || !this.channel.synced) return;
    const msg: FlushMessage = flushMessageSchema.parse({ type: 'flush', id: this.edits });
    this.inFlight = msg.id;
    this.channel.sendStateless(JSON.stringify(msg));
  }

  private emit(): void {
    const s = this.state;
    for (const l of this.listeners) l(s);
  }
}
