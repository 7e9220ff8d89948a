import type { AccountRole, Invitation, InvitationOffer, SessionInfo } from './accountTypes';
import { request } from './http';

const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
const path = (x: string) => `/api/invitations/${encodeURIComponent(x)}`;

/** What a new invitation needs: the expert's mesa, and its lifetime in days (1–30, 7 by default). */
export interface InvitationInput {
  email: string;
  role: AccountRole;
  mesaId?: string;
  expiresInDays?: number;
}

/** Creates an invitation; `url` carries its token and is shown only now. */
export function createInvitation(input: InvitationInput): Promise<{ invitation: Invitation; url: string }> {
  return request<{ invitation: Invitation; url: string }>('/api/invitations', { method: 'POST', body: input });
}

/** Every invitation, newest first. */
export async function listInvitations(signal?: AbortSignal): Promise<Invitation[]> {
  return (await request<{ invitations: Invitation[] }>('/api/invitations', opt(signal))).invitations;
}

/** Revokes an invitation: its link stops working at once. */
export async function revokeInvitation(id: string): Promise<Invitation> {
  return (await request<{ invitation: Invitation }>(path(id), { method: 'DELETE' })).invitation;
}

/** What an invitation link offers; `410 invitation_gone` once revoked, expired or used. */
export function getInvitationOffer(token: string, signal?: AbortSignal): Promise<InvitationOffer> {
  return request<InvitationOffer>(path(token), opt(signal));
}

/** Accepts an invitation with a name and a password; answers with the new session. */
export function acceptInvitation(token: string, input: { name: string; password: string }): Promise<SessionInfo> {
  return request<SessionInfo>(`${path(token)}/accept`, { method: 'POST', body: input });
}
