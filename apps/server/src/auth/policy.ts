import type { DocumentKind } from '@cocrea/collab';
import type { MesaStatus } from '@cocrea/domain';
import type { AccountRole, Principal, Role } from './principal';

/**
 * docs/permissions.md as code: pure functions, no I/O. Callers look up what the rules need (the
 * mesa's status, whether an expert is a member, whether a document is locked) and ask here; the
 * HTTP routes and the WebSocket authentication both do, so the two can never disagree.
 */

/** Why the policy said no. `unauthenticated` becomes 401; the others 403. */
export type DenialCode = 'unauthenticated' | 'forbidden' | 'wrong_mesa' | 'mesa_closed';

/** A refusal, and why. */
export interface Denied {
  ok: false;
  denial: DenialCode;
}

/** The policy's answer. */
export type Decision = { ok: true } | Denied;

/** How a principal stands towards one mesa, looked up by the caller. */
export interface MesaScope {
  id: string;
  status: MesaStatus;
  /** For an expert: whether they are a member of this mesa (ignored for other roles). */
  member: boolean;
}

/**
 * One cell of the REST table: `yes`, `no`, `own` (a participant's own mesa, or a mesa an expert
 * is a member of) and `ownOpen` (own, and the mesa is not closed).
 */
export type Rule = 'yes' | 'no' | 'own' | 'ownOpen';

const row = (admin: Rule, facilitator: Rule, stm: Rule, expert: Rule, participant: Rule): Record<Role, Rule> => ({
  admin,
  facilitator,
  stm,
  expert,
  participant,
});

/**
 * The REST table of docs/permissions.md, one action per row (the public column is always "no":
 * these actions need a session or a token). Routes that anyone may call (sign-in, an
 * invitation's offer and acceptance, a mesa's join page and join, public PAMs) are not here.
 */
export const REST_RULES = {
  /** `GET /api/auth/me`, `POST /api/auth/sign-out`. */
  'auth.session': row('yes', 'yes', 'yes', 'yes', 'no'),
  /** `POST /api/auth/password`: one's own password (participants have none). */
  'auth.password': row('yes', 'yes', 'yes', 'yes', 'no'),
  /** `POST /api/invitations` for role facilitator or admin. */
  'invitation.create.staff': row('yes', 'no', 'no', 'no', 'no'),
  /** `POST /api/invitations` for role stm or expert. */
  'invitation.create.member': row('yes', 'yes', 'no', 'no', 'no'),
  /** `GET /api/invitations`, `DELETE /api/invitations/:id`. */
  'invitation.manage': row('yes', 'yes', 'no', 'no', 'no'),
  'account.list': row('yes', 'yes', 'no', 'no', 'no'),
  /** `PATCH /api/accounts/:id` (role, disable). */
  'account.update': row('yes', 'no', 'no', 'no', 'no'),
  'mesa.create': row('yes', 'yes', 'no', 'no', 'no'),
  /** `GET /api/mesas`: `own` lists only the expert's mesas. */
  'mesa.list': row('yes', 'yes', 'yes', 'own', 'no'),
  /**
   * A mesa and everything read under it: alternatives, commitments, tree exports, versions,
   * exports, its kit. A participant reads only while the mesa is open (their token outlives the
   * closing by up to `TOKEN_TTL_SECONDS`; the mesa's status is checked on every request).
   */
  'mesa.read': row('yes', 'yes', 'yes', 'own', 'ownOpen'),
  /** `PATCH /api/mesas/:id`: the join link, closing and reopening. */
  'mesa.update': row('yes', 'yes', 'no', 'no', 'no'),
  /** `POST /api/mesas/:id/token`: a WebSocket token for an account. */
  'mesa.token': row('yes', 'yes', 'yes', 'own', 'no'),
  /** `GET/POST/DELETE /api/mesas/:id/members`. */
  'member.manage': row('yes', 'yes', 'no', 'no', 'no'),
  /** `POST /api/mesas/:id/alternatives`, `POST /api/mesas/:id/commitments`. */
  'mesa.contribute': row('yes', 'yes', 'no', 'no', 'ownOpen'),
  'commitment.review': row('yes', 'yes', 'yes', 'no', 'no'),
  /** `…/definitive`, `…/finalize`, `…/reopen`. */
  'commitment.decide': row('yes', 'yes', 'no', 'no', 'no'),
  /** `GET /api/pams`, `GET /api/pams/:id`, PAM exports. */
  'pam.read': row('yes', 'yes', 'yes', 'no', 'no'),
  /** `POST /api/pams`, `PATCH /api/pams/:id`, entries. */
  'pam.write': row('yes', 'yes', 'no', 'no', 'no'),
  'pam.approve': row('yes', 'yes', 'yes', 'no', 'no'),
  'pam.publish': row('yes', 'yes', 'no', 'no', 'no'),
  'audit.read': row('yes', 'yes', 'no', 'no', 'no'),
} as const satisfies Record<string, Record<Role, Rule>>;

/** One row of {@link REST_RULES}. */
export type RestAction = keyof typeof REST_RULES;

const ALLOWED: Decision = { ok: true };
const deny = (denial: DenialCode): Denied => ({ ok: false, denial });

/** Whether `p` owns `mesa`: the participant's token mesa, or a mesa the expert is a member of. */
function owns(p: Principal, mesa: MesaScope): Decision {
  if (p.kind === 'participant') return p.mesaId === mesa.id ? ALLOWED : deny('wrong_mesa');
  return p.role === 'expert' && mesa.member ? ALLOWED : deny('forbidden');
}

/**
 * May `p` take REST `action`? Rows with `own`/`ownOpen` cells need the `mesa` the action is on;
 * without it only `yes` cells allow (`GET /api/mesas` filters with {@link mesaListScope}).
 */
export function allows(p: Principal | undefined, action: RestAction, mesa?: MesaScope): Decision {
  if (!p) return deny('unauthenticated');
  const rule: Rule = REST_RULES[action][p.role];
  if (rule === 'yes') return ALLOWED;
  if (rule === 'no' || !mesa) return deny('forbidden');
  const own = owns(p, mesa);
  if (!own.ok || rule === 'own') return own;
  return mesa.status === 'cerrada' ? deny('mesa_closed') : ALLOWED;
}

/** Which action `POST /api/invitations` is, by the role it invites to. */
export function invitationAction(role: AccountRole): RestAction {
  return role === 'admin' || role === 'facilitator' ? 'invitation.create.staff' : 'invitation.create.member';
}

/** What `GET /api/mesas` lists for `p`: every mesa, only the expert's own, or nothing. */
export function mesaListScope(p: Principal | undefined): 'all' | 'own' | Denied {
  const d = allows(p, 'mesa.list');
  if (d.ok) return 'all';
  return p && REST_RULES['mesa.list'][p.role] === 'own' ? 'own' : d;
}

/** What a role may do with each kind of shared document before any condition (the WebSocket table). */
export const DOCUMENT_RULES: Record<DocumentKind, Record<Role, 'write' | 'read' | 'none'>> = {
  tree: { admin: 'write', facilitator: 'write', stm: 'read', expert: 'read', participant: 'write' },
  annotations: { admin: 'write', facilitator: 'write', stm: 'read', expert: 'write', participant: 'write' },
  roadmap: { admin: 'write', facilitator: 'write', stm: 'read', expert: 'read', participant: 'write' },
  // What each may change in the session is checked update by update (sessionDocRules).
  session: { admin: 'write', facilitator: 'write', stm: 'read', expert: 'write', participant: 'write' },
  // Private notes: only their owner opens them (checked on the name's owner id).
  notes: { admin: 'write', facilitator: 'write', stm: 'none', expert: 'write', participant: 'write' },
};

/** A document a principal may open: with writes, or read-only. */
export type DocumentAccess = 'write' | 'read';

/**
 * May `p` open a `kind` document of `mesa`, and write it? Participants only on their own mesa
 * while it is open, experts only on their mesas. Writes become reads for everyone while the
 * mesa is closed or the document is `locked` (a finalized commitment; the tree's lock covers
 * its annotations too).
 */
export function documentAccess(p: Principal, kind: DocumentKind, mesa: MesaScope, locked: boolean): DocumentAccess | Denied {
  if (p.role === 'participant' || p.role === 'expert') {
    const own = owns(p, mesa);
    if (!own.ok) return own;
  }
  if (p.role === 'participant' && mesa.status === 'cerrada') return deny('mesa_closed');
  const base = DOCUMENT_RULES[kind][p.role];
  if (base === 'none') return deny('forbidden');
  return base === 'write' && mesa.status !== 'cerrada' && !locked ? 'write' : 'read';
}

/** What a writer may change in the annotations document (checked update by update on the server). */
export interface AnnotationRights {
  /** Start a new note on a tree node. */
  addNote: boolean;
  /** Reply to a note. */
  reply: boolean;
  /** Set or clear a note's `resolved`. */
  resolve: boolean;
}

/** The annotation rights of a role (docs/permissions.md, "Shared documents"). */
export function annotationRights(role: Role): AnnotationRights {
  switch (role) {
    case 'admin':
    case 'facilitator':
      return { addNote: true, reply: true, resolve: true };
    case 'expert':
      return { addNote: true, reply: true, resolve: false };
    case 'participant':
      return { addNote: false, reply: true, resolve: false };
    case 'stm':
      return { addNote: false, reply: false, resolve: false };
  }
}
