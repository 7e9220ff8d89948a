import { SECTORS, type Sector } from '../api/accountTypes';

/** Shape of the participant ids the server issues (see `joinInputSchema`). */
const PARTICIPANT_ID = /^p_[A-Za-z0-9]{10}$/;

/**
 * What this browser keeps of a participation in one mesa: who it was, and the `renewal` secret
 * that renews the token for the same person (even after the join link closed).
 */
export interface Participation {
  participantId: string;
  renewal: string;
  name: string;
  organization?: string;
  sector?: Sector;
}

function key(mesaId: string): string {
  return `cocrea:participation:${mesaId}`;
}

/** Parses what was stored; `undefined` for anything that is not a whole participation. */
export function parseParticipation(raw: string | null): Participation | undefined {
  if (raw === null) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof Participation, unknown>>;
    if (typeof v.participantId !== 'string' || !PARTICIPANT_ID.test(v.participantId)) return undefined;
    if (typeof v.renewal !== 'string' || !v.renewal || typeof v.name !== 'string' || !v.name.trim()) return undefined;
    const organization = typeof v.organization === 'string' && v.organization.trim() ? v.organization.trim() : undefined;
    const sector = SECTORS.find((s) => s === v.sector);
    return { participantId: v.participantId, renewal: v.renewal, name: v.name, ...(organization ? { organization } : {}), ...(sector ? { sector } : {}) };
  } catch {
    return undefined;
  }
}

/** This browser's participation in a mesa, so a reload keeps the same identity and colour. */
export function rememberedParticipation(mesaId: string): Participation | undefined {
  try {
    return parseParticipation(localStorage.getItem(key(mesaId)));
  } catch {
    return undefined;
  }
}

/** Remembers this browser's participation in a mesa (with its latest renewal secret). */
export function rememberParticipation(mesaId: string, p: Participation): void {
  try {
    if (PARTICIPANT_ID.test(p.participantId)) localStorage.setItem(key(mesaId), JSON.stringify(p));
  } catch {
    // Private mode: a reload asks for the name again, nothing worse.
  }
}

/** Forgets the participation (its renewal was refused: the next join starts afresh). */
export function forgetParticipation(mesaId: string): void {
  try {
    localStorage.removeItem(key(mesaId));
  } catch {
    // Nothing stored.
  }
}
