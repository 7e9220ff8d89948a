import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api/accountTypes';
import { appendPage, detailPairs, nextBefore } from './auditPaging';

const entry = (id: number): AuditEntry => ({ id, at: '', actor: null, action: 'mesa.update', mesaId: null, commitmentId: null, planId: null, details: {} });

describe('audit paging', () => {
  it('appends older pages without repeating entries and knows when the log ends', () => {
    const first = appendPage([], [entry(9), entry(8)], 2);
    expect(first.more).toBe(true);
    expect(nextBefore(first.entries)).toBe(8);
    const second = appendPage(first.entries, [entry(8), entry(7)], 2);
    expect(second.entries.map((e) => e.id)).toEqual([9, 8, 7]);
    const last = appendPage(second.entries, [entry(6)], 2);
    expect(last.more).toBe(false);
    expect(nextBefore([])).toBeUndefined();
  });

  it('shows details as short pairs, leaving out empty values', () => {
    expect(detailPairs({ email: 'ana@example.org', role: 'stm', note: '', changes: { joinOpen: false } })).toEqual([
      ['email', 'ana@example.org'],
      ['role', 'stm'],
      ['changes', '{"joinOpen":false}'],
    ]);
    expect(detailPairs({ long: 'x'.repeat(100) }, 10)[0]?.[1]).toHaveLength(10);
  });
});
