import { STM_SECTORS, membersById, type ActionPlan, type ExerciseMember, type PlanEntry, type SeatCapacity, type Stm, type StmSector } from '@cocrea/domain';
import type { StoredApproval } from '../api/exerciseTypes';

/**
 * Each STM sector's approval of the PAM, as the approvals panel shows it — the same rule as the
 * domain's `approvalGaps`: an approval counts when its author holds a seat of that sector today
 * (titular or suplente, a person registered in that sector) and it was given for the plan's
 * current commitment versions; an earlier one for other versions asks the sector to approve again.
 */

/** Where a sector's approval stands. */
export type SectorApprovalState = 'aprobado' | 'otra_version' | 'pendiente' | 'sin_lugar';

/** One sector's row of the panel. */
export interface SectorApproval {
  sector: StmSector;
  /** Who may approve for the sector now. */
  holders: { name: string; capacity: SeatCapacity }[];
  state: SectorApprovalState;
  /** The approval that counts (`aprobado`) or the outdated one (`otra_version`). */
  approval: { name: string; capacity: SeatCapacity; at: string; note: string } | null;
}

const key = (entries: readonly PlanEntry[]) =>
  entries
    .map((e) => `${e.commitmentId}@${e.version}`)
    .sort()
    .join(',');

/** The sector through which `member` approves today, or `null`. */
function sectorOf(stm: Stm, member: ExerciseMember | undefined): StmSector | null {
  if (!member || member.kind !== 'persona') return null;
  const seat = stm.seats.find((s) => s.sector === member.sector && (s.titularId === member.id || s.suplenteId === member.id));
  return seat?.sector ?? null;
}

/** The panel's three rows, in the guide's sector order. */
export function sectorApprovals(plan: ActionPlan, stm: Stm, members: readonly ExerciseMember[], approvals: readonly StoredApproval[]): SectorApproval[] {
  const byId = membersById(members);
  const current = key(plan.entries);
  return STM_SECTORS.map((sector) => {
    const holders = stm.seats
      .filter((s) => s.sector === sector)
      .flatMap((s) => [
        s.titularId ? { id: s.titularId, capacity: 'titular' as const } : null,
        s.suplenteId ? { id: s.suplenteId, capacity: 'suplente' as const } : null,
      ])
      .flatMap((h) => {
        const m = h ? byId.get(h.id) : undefined;
        return h && m ? [{ name: m.name, capacity: h.capacity }] : [];
      });
    const mine = approvals.filter((a) => a.planId === plan.id && sectorOf(stm, byId.get(a.memberId)) === sector);
    const valid = mine.filter((a) => key(a.entries) === current).at(-1);
    const shown = valid ?? mine.at(-1);
    const approval = shown ? { name: byId.get(shown.memberId)?.name ?? shown.approved.by.name, capacity: shown.capacity, at: shown.approved.at, note: shown.note } : null;
    const state: SectorApprovalState = valid ? 'aprobado' : shown ? 'otra_version' : holders.length > 0 ? 'pendiente' : 'sin_lugar';
    return { sector, holders, state, approval };
  });
}
