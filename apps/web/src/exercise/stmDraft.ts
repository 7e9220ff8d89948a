import { STM_SECTORS, stmGaps, stmSuplenteGaps, type ExerciseMember, type Stm, type StmInput, type StmSeat, type StmSector } from '@cocrea/domain';
import type { ViewMember } from '../api/exerciseTypes';

/**
 * The STM as the editor holds it while a facilitator picks people: every sector shows at least one
 * seat (empty ones are dropped on saving), and the domain's gaps are recomputed on every change so
 * the facilitator reads exactly what the minimum composition still lacks before saving.
 */

const SHORT: Record<StmSector, string> = { sociedad_civil: 'sc', gobierno_municipal: 'gm', organo_garante: 'og' };

/** A seat id not used yet for `sector` (`seat-sc`, `seat-sc-2`, …). */
export function newSeatId(seats: readonly StmSeat[], sector: StmSector): string {
  const used = new Set(seats.map((s) => s.id));
  const base = `seat-${SHORT[sector]}`;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The stored STM with an empty seat for every sector that has none, seats in the guide's sector order. */
export function draftFromStm(stm: Stm): Stm {
  const seats = [...stm.seats];
  for (const sector of STM_SECTORS) {
    if (!seats.some((s) => s.sector === sector)) seats.push({ id: newSeatId(seats, sector), sector, titularId: null, suplenteId: null });
  }
  const order = (s: StmSeat) => STM_SECTORS.indexOf(s.sector);
  return { ...stm, seats: seats.sort((a, b) => order(a) - order(b)) };
}

/** What `PUT /api/exercises/:id/stm` takes: the draft without seats nobody holds. */
export function toStmInput(draft: Stm): StmInput {
  return {
    installedOn: draft.installedOn,
    seats: draft.seats.filter((s) => s.titularId || s.suplenteId),
    facilitatorId: draft.facilitatorId,
    governanceRules: draft.governanceRules,
    annualAgenda: draft.annualAgenda,
  };
}

/** Integrantes as the rules read them (the STM's view of the registry has no contacts). */
export function asMembers(members: readonly ViewMember[]): ExerciseMember[] {
  return members.map((m) => ('contact' in m ? m : { ...m, contact: { email: '', phone: '' } }));
}

/** What the draft still lacks: the minimum composition first (exact sentences), then suplentes. */
export function draftGaps(draft: Stm, members: readonly ViewMember[]): { minimum: string[]; suplentes: string[] } {
  const stm = { ...draft, seats: toStmInput(draft).seats };
  return { minimum: stmGaps(stm, asMembers(members)), suplentes: stmSuplenteGaps(stm) };
}
