import type { onChangePayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger';
import type { DurableUpdateLog } from '../storage/DurableUpdateLog';
import type { DocumentCompactor } from './DocumentCompactor';
import { DurableLogExtension, isRelayed, LOAD_ORIGIN } from './DurableLogExtension';

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
