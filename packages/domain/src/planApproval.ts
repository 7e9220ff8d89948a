import { z } from 'zod';
import type { ActionPlan, PlanEntry } from './actionPlan';
import type { Stamp } from './actor';
import { SECTOR_OF, membersById, type ExerciseMember } from './members';
import { STM_SECTORS, seatsOf, stmGaps, type SeatCapacity, type Stm, type StmSector } from './stm';

/**
 * The PAM is "el documento consensado por el Secretariado Técnico Municipal": before it is
 * published, each STM sector approves it in cocrea through its titular or its suplente, and the
 * approvals are kept.
 */

/** One sector's recorded approval of a PAM. */
export interface PlanApproval {
  id: string;
  planId: string;
  /** The integrante who approved. */
  memberId: string;
  sector: StmSector;
  capacity: SeatCapacity;
  /**
   * The commitment versions the approval was given for. It holds only while the plan has exactly
   * these entries: adding or swapping a commitment needs a new approval.
   */
  entries: PlanEntry[];
  note: string;
  approved: Stamp;
}

/** What the approving person may add. */
export const planApprovalInputSchema = z.object({
  note: z.string({ error: 'La nota debe ser texto.' }).trim().max(2000, { error: 'La nota admite como máximo 2000 caracteres.' }).optional().default(''),
});

/** A validated approval request. */
export type PlanApprovalInput = z.output<typeof planApprovalInputSchema>;

const entriesKey = (entries: readonly PlanEntry[]) =>
  entries
    .map((e) => `${e.commitmentId}@${e.version}`)
    .sort()
    .join(',');

/** The seat through which `memberId` may approve (a titular seat first), or `null`. */
function approvingSeat(stm: Stm, member: ExerciseMember | undefined): { sector: StmSector; capacity: SeatCapacity } | null {
  if (!member || member.kind !== 'persona') return null;
  const seats = seatsOf(stm, member.id).filter(({ seat }) => seat.sector === member.sector);
  const best = seats.find((s) => s.capacity === 'titular') ?? seats[0];
  return best ? { sector: best.seat.sector, capacity: best.capacity } : null;
}

/** Why `memberId` cannot approve `plan` now, in Spanish; `null` when they can. */
export function approvalProblem(plan: ActionPlan, stm: Stm, members: readonly ExerciseMember[], memberId: string): string | null {
  if (plan.status === 'publicado') return 'El PAM ya está publicado.';
  if (plan.entries.length === 0) return 'El PAM necesita al menos un compromiso finalizado antes de aprobarse.';
  if (!approvingSeat(stm, membersById(members).get(memberId))) {
    return 'Solo aprueban el PAM las personas titulares o suplentes del STM, cada una por su sector.';
  }
  return null;
}

/**
 * The approval `memberId` gives now, for the plan's current entries; throws when
 * {@link approvalProblem} would refuse it (callers check first and answer with its message).
 */
export function recordApproval(
  plan: ActionPlan,
  stm: Stm,
  members: readonly ExerciseMember[],
  memberId: string,
  input: PlanApprovalInput,
  approved: Stamp,
  id: string,
): PlanApproval {
  const problem = approvalProblem(plan, stm, members, memberId);
  const seat = approvingSeat(stm, membersById(members).get(memberId));
  if (problem || !seat) throw new Error(problem ?? 'Aprobación no permitida.');
  return { id, planId: plan.id, memberId, ...seat, entries: plan.entries.map((e) => ({ ...e })), note: input.note, approved };
}

/**
 * What the STM's approval still lacks: the STM's minimum composition ({@link stmGaps}), then, per
 * sector, a valid approval — given by the person who holds that sector's titular or suplente
 * seat today, for the plan's current entries. An approval by someone who has since left the seat
 * no longer counts.
 */
export function approvalGaps(
  plan: ActionPlan,
  stm: Stm,
  members: readonly ExerciseMember[],
  approvals: readonly PlanApproval[],
): string[] {
  const byId = membersById(members);
  const out = stmGaps(stm, members);
  const current = entriesKey(plan.entries);
  for (const sector of STM_SECTORS) {
    const holders = approvals.filter((a) => {
      if (a.planId !== plan.id) return false;
      const seat = approvingSeat(stm, byId.get(a.memberId));
      return seat?.sector === sector;
    });
    if (holders.some((a) => entriesKey(a.entries) === current)) continue;
    const stale = holders[0];
    if (stale) {
      out.push(`La aprobación ${SECTOR_OF[sector]} (${byId.get(stale.memberId)?.name ?? stale.memberId}) fue para otra versión del PAM: debe aprobarlo de nuevo.`);
      continue;
    }
    const who = stm.seats
      .filter((s) => s.sector === sector)
      .flatMap((s) => [
        s.titularId && byId.get(s.titularId) ? `${byId.get(s.titularId)?.name} (titular)` : null,
        s.suplenteId && byId.get(s.suplenteId) ? `${byId.get(s.suplenteId)?.name} (suplente)` : null,
      ])
      .filter((x): x is string => x !== null);
    out.push(
      who.length > 0
        ? `Falta la aprobación ${SECTOR_OF[sector]}: debe aprobar ${who.join(' o ')}.`
        : `Falta la aprobación ${SECTOR_OF[sector]}: el sector aún no tiene titular ni suplente en el STM.`,
    );
  }
  return out;
}

/**
 * Everything missing before `plan` can be published, in Spanish, plan first, then the STM and its
 * approvals; empty when it can. A published plan answers only that it is already published.
 */
export function publicationGaps(
  plan: ActionPlan,
  stm: Stm,
  members: readonly ExerciseMember[],
  approvals: readonly PlanApproval[],
): string[] {
  if (plan.status === 'publicado') return ['El PAM ya está publicado.'];
  const out: string[] = [];
  if (plan.entries.length === 0) out.push('El PAM necesita al menos un compromiso finalizado.');
  if (!plan.launchDate) out.push('Falta la fecha del lanzamiento público del PAM.');
  return [...out, ...approvalGaps(plan, stm, members, approvals)];
}
