import type { Account, AccountRole, AuditEntry } from './accountTypes';
import { request } from './http';

/** Every account. */
export async function listAccounts(signal?: AbortSignal): Promise<Account[]> {
  return (await request<{ accounts: Account[] }>('/api/accounts', signal ? { signal } : {})).accounts;
}

/** Changes an account's role or disables it (admins only); its sockets are closed. */
export async function updateAccount(id: string, changes: { role?: AccountRole; disabled?: boolean }): Promise<Account> {
  return (await request<{ account: Account }>(`/api/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes })).account;
}

/** Filters and paging of the audit log. */
export interface AuditQuery {
  mesaId?: string;
  commitmentId?: string;
  planId?: string;
  limit?: number;
  /** An entry id: the page of entries older than it. */
  before?: number;
}

/** A page of the audit log, newest first. */
export async function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditEntry[]> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return (await request<{ entries: AuditEntry[] }>(`/api/audit${qs ? `?${qs}` : ''}`, signal ? { signal } : {})).entries;
}
