import type { beforeSyncPayload, onChangePayload, onStatelessPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger';
import type { AppendResult, DocumentStore } from '../storage/DocumentStore';
import { DurableUpdateLog } from '../storage/DurableUpdateLog';
import type { CollabContext } from './context';
import type { DocumentCompactor } from './DocumentCompactor';
import { DurableLogExtension, isRelayed, LOAD_ORIGIN, MAX_REFUSED_UNFLUSHED } from './DurableLogExtension';

/** The extension over a log that only records what it was asked to append. */
function withRecordingLog() {
  const appended: string[] = [];
  const log = { append: (name: string) => (appended.push(name), Promise.resolve()) } as unknown as DurableUpdateLog;
  const ext = new DurableLogExtension(log, {} as DocumentCompactor, createLogger('silent'));
  const change = (transactionOrigin: unknown, connection?: object) =>
    ext.onChange({ update: Y.encodeStateAsUpdate(new Y.Doc()), documentName: 'd', transactionOrigin, connection } as unknown as onChangePayload);
  return { appended, change };
}

describe('DurableLogExtension.onChange', () => {
  it('logs changes made on the server itself', async () => {
    const { appended, change } = withRecordingLog();
    await change(undefined);
    await change({ source: 'local' });
    expect(appended).toEqual(['d', 'd']);
  });

  it('never logs an update relayed from another instance: that instance logged it already', async () => {
    const { appended, change } = withRecordingLog();
    expect(isRelayed({ source: 'redis' })).toBe(true);
    await change({ source: 'redis' });
    expect(appended).toEqual([]);
  });

  it('leaves client updates to beforeSync and never re-logs a load', async () => {
    const { appended, change } = withRecordingLog();
    const connection = {};
    await change({ source: 'connection', connection }, connection);
    await change(LOAD_ORIGIN);
    expect(appended).toEqual([]);
    expect(isRelayed({ source: 'connection', connection })).toBe(false);
    expect(isRelayed(LOAD_ORIGIN)).toBe(false);
  });
});

/** A connection as the extension sees it: its read-only flag and what it was sent. */
function fakeConnection() {
  const sent: { type: string; id?: number }[] = [];
  let notify = () => {};
  const connection = {
    readOnly: false,
    sendStateless(payload: string) {
      sent.push(JSON.parse(payload) as { type: string; id?: number });
      notify();
    },
  };
  /** Resolves once a message of `type` has been sent (a condition, not a delay). */
  const told = (type: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (sent.some((m) => m.type === type)) resolve();
      };
      notify = check;
      check();
    });
  return { connection, sent, told };
}

function anUpdate(): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, 'hola');
  return Y.encodeStateAsUpdate(d);
}

/** A store whose answers the test decides, one per append. */
function scriptedStore(answers: (() => Promise<AppendResult>)[]): DocumentStore {
  return {
    appendUpdates: () => (answers.shift() ?? (() => Promise.resolve({ refused: new Set<string>() })))(),
  } as unknown as DocumentStore;
}

describe('DurableLogExtension flushes', () => {
  const send = (ext: DurableLogExtension, connection: object, update: Uint8Array) =>
    ext.beforeSync({ type: 2, payload: update, documentName: 'd', document: new Y.Doc(), connection, context: {} } as unknown as beforeSyncPayload<CollabContext>);
  const flush = (ext: DurableLogExtension, connection: object, id: number) =>
    ext.onStateless({ payload: JSON.stringify({ type: 'flush', id }), documentName: 'd', connection } as unknown as onStatelessPayload);

  it('never answers "saved" for an update the store refused at a retry, even if the connection became writable again', async () => {
    // First attempt fails (the update is relayed, pending); the retry finds the document locked.
    const store = scriptedStore([() => Promise.reject(new Error('database unavailable')), () => Promise.resolve({ refused: new Set(['d']) })]);
    const log = new DurableUpdateLog(store, createLogger('silent'));
    const ext = new DurableLogExtension(log, {} as DocumentCompactor, createLogger('silent'));
    const { connection, sent } = fakeConnection();
    await send(ext, connection, anUpdate());
    const answered = flush(ext, connection, 1);
    // What a stale "unlocked" used to do between the refusal and the answer.
    const flip = setInterval(() => (connection.readOnly = false), 1);
    await answered;
    clearInterval(flip);
    expect(sent).toEqual([{ type: 'locked' }, { type: 'read-only', id: 1 }]);
  });

  it('tells a client whose flush waits past the threshold, then that it resumed, then saved', async () => {
    let release = () => {};
    const store = scriptedStore([() => new Promise<AppendResult>((resolve) => (release = () => resolve({ refused: new Set() })))]);
    const log = new DurableUpdateLog(store, createLogger('silent'));
    const ext = new DurableLogExtension(log, {} as DocumentCompactor, createLogger('silent'), undefined, () => {}, 10);
    const { connection, sent, told } = fakeConnection();
    const appended = send(ext, connection, anUpdate());
    const answered = flush(ext, connection, 1);
    await told('save-stalled');
    expect(log.stallReason(0)).toMatch(/^1 writes pending for \d+ s$/);
    release();
    await appended;
    await answered;
    expect(sent).toEqual([{ type: 'save-stalled' }, { type: 'save-resumed' }, { type: 'saved', id: 1 }]);
    expect(log.stallReason(0)).toBeNull();
  });

  it('closes (4429) a read-only connection that keeps sending refused updates without flushing, instead of remembering them all', async () => {
    const ext = new DurableLogExtension(new DurableUpdateLog(scriptedStore([]), createLogger('silent')), {} as DocumentCompactor, createLogger('silent'));
    const closed: [number, string][] = [];
    const connection = { ...fakeConnection().connection, readOnly: true, context: { socket: { close: (code: number, reason: string) => closed.push([code, reason]) } } };
    for (let i = 0; i < MAX_REFUSED_UNFLUSHED; i++) await send(ext, connection, anUpdate());
    expect(closed).toEqual([]);
    await send(ext, connection, anUpdate());
    expect(closed).toEqual([[4429, 'too-many-refused-updates']]);
  });
});
