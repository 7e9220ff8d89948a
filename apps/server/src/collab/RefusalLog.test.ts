import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger';
import { RefusalLog } from './RefusalLog';

function recorder() {
  const lines: { level: string; fields: unknown; msg: string }[] = [];
  const log = {
    info: (fields: unknown, msg: string) => lines.push({ level: 'info', fields, msg }),
    warn: (fields: unknown, msg: string) => lines.push({ level: 'warn', fields, msg }),
  } as unknown as Logger;
  return { log, lines };
}

describe('RefusalLog', () => {
  it('logs the first refusals of a window one by one and the rest as one summary', () => {
    const { log, lines } = recorder();
    const refusals = new RefusalLog(log, { perWindow: 3 });
    for (let i = 0; i < 10_000; i++) refusals.refused(`mesa:m:roadmap:x${i}`, 'unknown-document');
    refusals.refused('mesa:m:tree', 'revoked');
    expect(lines).toHaveLength(3);
    refusals.flush();
    expect(lines).toHaveLength(4);
    expect(lines[3]).toEqual({ level: 'warn', fields: { total: 9_998, byReason: { 'unknown-document': 9_997, revoked: 1 } }, msg: 'more documents refused (not logged one by one)' });
    // A new window logs again; an empty one reports nothing.
    refusals.refused('mesa:m:tree', 'revoked');
    refusals.flush();
    refusals.flush();
    expect(lines).toHaveLength(5);
  });
});
