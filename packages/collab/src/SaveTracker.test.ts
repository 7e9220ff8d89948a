import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker, type StatelessChannel } from './SaveTracker';

/** A provider stand-in: records flushes, lets the test deliver server messages. */
class FakeChannel implements StatelessChannel {
  synced = true;
  readonly sent: string[] = [];
  private readonly handlers = new Map<string, Set<(e: never) => void>>();
  sendStateless(payload: string): void {
    this.sent.push(payload);
  }
  on(event: string, cb: (e: never) => void): void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(cb);
    this.handlers.set(event, set);
  }
  off(event: string, cb: (e: never) => void): void {
    this.handlers.get(event)?.delete(cb);
  }
  deliver(message: unknown): void {
    for (const cb of this.handlers.get('stateless') ?? []) (cb as (e: { payload: string }) => void)({ payload: JSON.stringify(message) });
  }
}

const flushed = () => new Promise<void>((r) => queueMicrotask(r));

describe('SaveTracker', () => {
  it('reports a stall the server announces until the next saved', async () => {
    const doc = new Y.Doc();
    const channel = new FakeChannel();
    const tracker = new SaveTracker(doc, channel);
    doc.getText('t').insert(0, 'hola');
    await flushed();
    expect(channel.sent).toEqual([JSON.stringify({ type: 'flush', id: 1 })]);
    expect(tracker.state.stalled).toBe(false);

    channel.deliver({ type: 'save-stalled' });
    expect(tracker.state).toMatchObject({ stalled: true, isSaved: false });
    channel.deliver({ type: 'save-resumed' });
    expect(tracker.state.stalled).toBe(false);
    channel.deliver({ type: 'save-stalled' });
    channel.deliver({ type: 'saved', id: 1 });
    expect(tracker.state).toMatchObject({ stalled: false, isSaved: true });
    tracker.destroy();
  });
});
