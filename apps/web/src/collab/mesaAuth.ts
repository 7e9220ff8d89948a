import type { AccountRole } from '../api/accountTypes';
import { joinMesa, requestMesaToken, type JoinInput, type JoinResponse, type MesaDocuments, type Participant } from '../api/client';
import { rememberedParticipation, rememberParticipation, type Participation } from './participantMemory';
import { tokenSource } from './tokenSource';

/** How a person is in a mesa: an account's role, or a participant who joined by link. */
export type MesaRole = AccountRole | 'participant';

/**
 * A person's access to one mesa: who they are, and the credentials for it. `token()` gives a
 * valid collaboration token for every provider (tree, annotations, roadmaps) — a participant's
 * from the join (renewed with the `renewal` secret), an account's from `POST /api/mesas/:id/token`.
 * `bearer()` is what REST calls send: the participant's token, or `undefined` for an account,
 * whose calls ride on the session cookie (with the CSRF token on writes).
 */
export interface MesaAuth {
  readonly mesaId: string;
  readonly kind: 'participant' | 'account';
  /** Who they are, as presence and stamps show them. */
  readonly participant: Participant;
  readonly role: MesaRole;
  /** The names of the mesa's shared documents. */
  readonly documents: MesaDocuments;
  /** Name of the mesa's tree document (`documents.tree`). */
  readonly treeDocument: string;
  /** A collaboration token valid for at least a few more seconds. */
  token(): Promise<string>;
  /** The REST credential: a participant's token, `undefined` for an account. */
  bearer(): Promise<string | undefined>;
  /** Why the last renewal failed (e.g. `403 mesa_closed`), or `null`. */
  failure(): unknown;
  /** Tells `listener` when renewals start or stop failing. */
  onFailure(listener: (error: unknown) => void): () => void;
}

const cache = new Map<string, Promise<MesaAuth>>();

function failureTracker() {
  let last: unknown = null;
  const listeners = new Set<(e: unknown) => void>();
  const set = (e: unknown) => {
    last = e;
    for (const l of listeners) l(e);
  };
  return {
    opts: { onFailure: set, onRecovered: () => set(null) },
    failure: () => last,
    onFailure: (l: (e: unknown) => void) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  };
}

function remember(mesaId: string, joined: JoinResponse, given: Omit<Participation, 'participantId' | 'renewal'>): Participation {
  const p: Participation = { ...given, participantId: joined.participant.id, renewal: joined.renewal };
  rememberParticipation(mesaId, p);
  return p;
}

/** What a participant presents: the name, and the organisation and sector when given. */
function identity(p: Omit<Participation, 'participantId' | 'renewal'>): Omit<Participation, 'participantId' | 'renewal'> {
  return { name: p.name, ...(p.organization ? { organization: p.organization } : {}), ...(p.sector ? { sector: p.sector } : {}) };
}

function participantAuth(mesaId: string, first: JoinResponse, memory: Participation): MesaAuth {
  let mine = memory;
  const tracker = failureTracker();
  const token = tokenSource(
    first,
    // The whole identity goes back: the server takes what a renewal presents as current.
    () => joinMesa(mesaId, { ...identity(mine), participantId: mine.participantId, renewal: mine.renewal }),
    {
      ...tracker.opts,
      onRenewed: (next) => {
        mine = remember(mesaId, next, mine);
      },
    },
  );
  return {
    mesaId,
    kind: 'participant',
    participant: { id: first.participant.id, name: first.participant.name, color: first.participant.color },
    role: 'participant',
    documents: first.documents,
    treeDocument: first.documents.tree,
    token,
    bearer: token,
    failure: tracker.failure,
    onFailure: tracker.onFailure,
  };
}

/** The details a participant gives on the join form (the name required). */
export type JoinDetails = Pick<JoinInput, 'name' | 'organization' | 'sector'>;

/**
 * Joins `mesaId` as a participant, once per page load: later calls (another page of the same
 * mesa) share the identity and token source. Without `details` it renews the participation this
 * browser remembers (rejecting when there is none).
 */
export function participantMesaAuth(mesaId: string, details?: JoinDetails): Promise<MesaAuth> {
  const key = `p\n${mesaId}`;
  const known = cache.get(key);
  if (known) return known;
  const stored = rememberedParticipation(mesaId);
  if (!details && !stored) return Promise.reject(new Error('no participation to renew'));
  const given = identity(details ?? stored ?? { name: '' });
  const renewing = stored && (!details || details.name === stored.name);
  // A renewal the server does not honour gives a new participant, remembered instead.
  const pending = joinMesa(mesaId, { ...given, ...(renewing ? { participantId: stored.participantId, renewal: stored.renewal } : {}) }).then((first) =>
    participantAuth(mesaId, first, remember(mesaId, first, given)),
  );
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  return pending;
}

/**
 * The signed-in account's access to `mesaId` (`POST /api/mesas/:id/token`), once per page load
 * and account; renewed the same way when the token nears expiry.
 */
export function accountMesaAuth(mesaId: string, accountId: string): Promise<MesaAuth> {
  const key = `a\n${accountId}\n${mesaId}`;
  const known = cache.get(key);
  if (known) return known;
  const pending = requestMesaToken(mesaId).then((first): MesaAuth => {
    const tracker = failureTracker();
    const token = tokenSource(first, () => requestMesaToken(mesaId), tracker.opts);
    const p = first.principal;
    return {
      mesaId,
      kind: 'account',
      participant: { id: p.id, name: p.name, color: p.color },
      role: isAccountRole(p.role) ? p.role : 'expert',
      documents: first.documents,
      treeDocument: first.documents.tree,
      token,
      bearer: () => Promise.resolve(undefined),
      failure: tracker.failure,
      onFailure: tracker.onFailure,
    };
  });
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  return pending;
}

function isAccountRole(r: string): r is AccountRole {
  return r === 'admin' || r === 'facilitator' || r === 'stm' || r === 'expert';
}

/** Drops every access obtained so far (on sign-in and sign-out: the person changed). */
export function forgetMesaAuths(): void {
  cache.clear();
}
