import { AccessRevocation } from './collab/AccessRevocation';
import type { DocumentAccess } from './collab/DocumentAccess';
import type { DocumentLocks } from './collab/DocumentLocks';
import { PrincipalSockets } from './collab/PrincipalSockets';
import type { Config } from './config';
import type { AccessDeps } from './http/accessDeps';
import { Gate } from './http/auth';
import { createRateLimits } from './http/rateLimits';
import type { Logger } from './logger';
import { AuditTrail } from './services/AuditTrail';
import type { Storage } from './storage/Storage';

/** "Who may do what", assembled once: what the REST routes and the WebSocket authentication share. */
export interface Access extends AccessDeps {
  /** Which sockets hold which principal's documents (to close them on revocation). */
  sockets: PrincipalSockets;
}

/** Builds the access pieces from storage and configuration. */
export function createAccess(storage: Storage, config: Config, docs: DocumentAccess, locks: DocumentLocks, log: Logger): Access {
  const sockets = new PrincipalSockets();
  return {
    sockets,
    gate: new Gate(storage.members),
    audit: new AuditTrail(storage.audit),
    auditLog: storage.audit,
    revocations: new AccessRevocation(sockets, docs, locks, log),
    accounts: storage.accounts,
    invitations: storage.invitations,
    members: storage.members,
    participants: storage.participants,
    sessions: { ttlHours: config.SESSION_TTL_HOURS, secure: config.PUBLIC_URL?.startsWith('https:') ?? false },
    limits: createRateLimits({
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      signIn: config.RATE_LIMIT_SIGN_IN,
      signInAccount: config.RATE_LIMIT_SIGN_IN_ACCOUNT,
      join: config.RATE_LIMIT_JOIN,
      invitations: config.RATE_LIMIT_INVITATIONS,
    }),
    publicUrl: config.PUBLIC_URL,
  };
}
