import type { Revocations } from '../collab/AccessRevocation';
import type { AuditTrail } from '../services/AuditTrail';
import type { AccountRepository, AuditLog, InvitationRepository, MemberRepository, ParticipantRepository } from '../storage/AccessStorage';
import type { Gate } from './auth';
import type { RateLimits } from './rateLimits';
import type { SessionSettings } from './sessionCookie';

/** What the routes of accounts, sessions, invitations, members and the audit log need. */
export interface AccessDeps {
  gate: Gate;
  audit: AuditTrail;
  auditLog: AuditLog;
  revocations: Revocations;
  accounts: AccountRepository;
  invitations: InvitationRepository;
  members: MemberRepository;
  participants: ParticipantRepository;
  sessions: SessionSettings;
  limits: RateLimits;
  publicUrl: string | undefined;
}

/** Who did something, as the audit log keeps it. */
export const actorOf = (p: { id: string; name: string; role: string }) => ({ id: p.id, name: p.name, role: p.role });
