import type { ActionPlan, CommitmentVersion } from '@cocrea/domain';
import { request } from './http';

/** A plan with the commitment versions it includes. */
export interface PlanDetail {
  pam: ActionPlan;
  commitments: CommitmentVersion[];
}

const planPath = (id: string) => `/api/pams/${encodeURIComponent(id)}`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

/**
 * Plans are managed by accounts only: every call rides on the session cookie (with the CSRF
 * token on writes). The public pages use the `public` routes.
 */

/** Every PAM, newest first. */
export async function listPams(signal?: AbortSignal): Promise<ActionPlan[]> {
  return (await request<{ pams: ActionPlan[] }>('/api/pams', opt(signal))).pams;
}

/** Creates a draft PAM. */
export async function createPam(input: { title: string; municipality: string; launchDate?: string }): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>('/api/pams', { method: 'POST', body: input })).pam;
}

/** One PAM with its commitments. */
export function getPam(id: string, signal?: AbortSignal): Promise<PlanDetail> {
  return request<PlanDetail>(planPath(id), opt(signal));
}

/** Changes title, municipality or launch date (not once published). */
export async function updatePam(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>(planPath(id), { method: 'PATCH', body: changes })).pam;
}

/** Adds a finalized commitment (its latest version unless one is given). */
export async function addPamEntry(id: string, commitmentId: string): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>(`${planPath(id)}/entries`, { method: 'POST', body: { commitmentId } })).pam;
}

/** Removes a commitment from a draft plan. */
export async function removePamEntry(id: string, commitmentId: string): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>(`${planPath(id)}/entries/${encodeURIComponent(commitmentId)}`, { method: 'DELETE' })).pam;
}

/** Approves (`approve`) or publishes (`publish`) the plan. */
export async function advancePam(id: string, step: 'approve' | 'publish'): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>(`${planPath(id)}/${step}`, { method: 'POST' })).pam;
}

/** Published PAMs only; no token needed. */
export async function listPublicPams(signal?: AbortSignal): Promise<ActionPlan[]> {
  return (await request<{ pams: ActionPlan[] }>('/api/public/pams', opt(signal))).pams;
}

/** A published PAM with its commitments; `404` for any other. */
export function getPublicPam(id: string, signal?: AbortSignal): Promise<PlanDetail> {
  return request<PlanDetail>(`/api/public/pams/${encodeURIComponent(id)}`, opt(signal));
}
