import type { AuditEntry } from '../api/accountTypes';

/** Entries asked for per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** Appends an older page to what is shown, without repeating an entry; and whether more may follow. */
export function appendPage(shown: AuditEntry[], page: AuditEntry[], pageSize = AUDIT_PAGE_SIZE): { entries: AuditEntry[]; more: boolean } {
  const seen = new Set(shown.map((e) => e.id));
  return { entries: [...shown, ...page.filter((e) => !seen.has(e.id))], more: page.length >= pageSize };
}

/** The `before` of the next page: the oldest entry shown. */
export function nextBefore(entries: AuditEntry[]): number | undefined {
  return entries.length === 0 ? undefined : Math.min(...entries.map((e) => e.id));
}

/** The details of an entry as short `key: value` pairs a person can scan. */
export function detailPairs(details: Record<string, unknown>, maxLength = 80): [string, string][] {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      return [k, text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text];
    });
}
