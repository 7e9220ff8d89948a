import { z } from 'zod';
import { dateField } from './dates';
import { documentRefSchema, type DocumentRef } from './documents';
import { type ParticipantSector } from './mesa';
import { SECTOR_LABELS, SECTOR_OF, membersById, type ExerciseMember } from './members';

/**
 * The *Secretariado Técnico Municipal* (STM): "el espacio de coordinación e instancia de máxima
 * decisión entre gobierno y ciudadanía para el ejercicio de Gobierno Abierto". The guide asks for at
 * least one representative of the civil society, one of the Ayuntamiento and one of the Órgano
 * Garante, "y 1 facilitador, también emanado de Sociedad Civil"; each sector elects a titular and a
 * suplente.
 */

/** The three sectors that hold seats in the STM, in the guide's order. */
export const STM_SECTORS = ['sociedad_civil', 'gobierno_municipal', 'organo_garante'] as const satisfies readonly ParticipantSector[];

/** One of {@link STM_SECTORS}. */
export type StmSector = (typeof STM_SECTORS)[number];

/** Whether someone sits in a seat as titular or as suplente. */
export type SeatCapacity = 'titular' | 'suplente';

/** A seat of a sector: its titular and suplente (ids in the registry of integrantes). */
export interface StmSeat {
  id: string;
  sector: StmSector;
  titularId: string | null;
  suplenteId: string | null;
}

/** The STM of one exercise. */
export interface Stm {
  /** Date of the session where the members were elected (*instalación*). */
  installedOn: string | null;
  seats: StmSeat[];
  /** The facilitator, elected by agreement of the STM among civil society. */
  facilitatorId: string | null;
  /** 1) *Reglas mínimas de integración e interacción* (mecanismo de gobernanza). */
  governanceRules: DocumentRef | null;
  /** 3) *Agenda anual de trabajo*. */
  annualAgenda: DocumentRef | null;
}

/** An STM nobody sits in yet. */
export function emptyStm(): Stm {
  return { installedOn: null, seats: [], facilitatorId: null, governanceRules: null, annualAgenda: null };
}

const memberId = z.string().trim().min(1, { error: 'Elige a una persona del registro.' }).nullish().transform((v) => v ?? null);

/** What a facilitator saves when the STM is elected or changes. */
export const stmInputSchema = z.object({
  installedOn: dateField('Indica la fecha de instalación del STM (AAAA-MM-DD).').nullish().transform((v) => v ?? null),
  seats: z
    .array(
      z.object({
        id: z.string().min(1, { error: 'Falta el identificador del lugar.' }),
        sector: z.enum(STM_SECTORS, { error: 'El STM solo tiene lugares de sociedad civil, autoridad municipal y Órgano Garante.' }),
        titularId: memberId,
        suplenteId: memberId,
      }),
    )
    .max(30, { error: 'El STM admite como máximo 30 lugares.' }),
  facilitatorId: memberId,
  governanceRules: documentRefSchema.nullish().transform((v) => v ?? null),
  annualAgenda: documentRefSchema.nullish().transform((v) => v ?? null),
});

/** A validated STM. */
export type StmInput = z.output<typeof stmInputSchema>;

/** Where a member sits: every seat they hold and in which capacity. */
export function seatsOf(stm: Stm, memberId: string): { seat: StmSeat; capacity: SeatCapacity }[] {
  const out: { seat: StmSeat; capacity: SeatCapacity }[] = [];
  for (const seat of stm.seats) {
    if (seat.titularId === memberId) out.push({ seat, capacity: 'titular' });
    if (seat.suplenteId === memberId) out.push({ seat, capacity: 'suplente' });
  }
  return out;
}

/**
 * Why a member cannot hold a seat of `sector`, or `null` when they can: they must be in the
 * registry, be a person (an organisation is represented by someone) and belong to that sector.
 */
function seatHolderProblem(
  member: ExerciseMember | undefined,
  id: string,
  sector: ParticipantSector,
  role: string,
): string | null {
  if (!member) return `${role} ${SECTOR_OF[sector]} (${id}) no está en el registro de integrantes.`;
  if (member.kind !== 'persona') return `${member.name} es una organización: en el STM la representa una persona; registra a quien la representa.`;
  if (member.sector !== sector) {
    return `${member.name} está registrada en el sector ${SECTOR_LABELS[member.sector]}; no puede ser ${role.toLowerCase()} ${SECTOR_OF[sector]}.`;
  }
  return null;
}

/**
 * What the STM lacks to meet the guide's minimum composition, as Spanish sentences in the guide's
 * order (civil society, Ayuntamiento, Órgano Garante, facilitator); empty when it is met. Counted
 * as a representative: a titular in the registry, a person, of that sector. The facilitator is a
 * fourth figure ("1 facilitador, también emanado de Sociedad Civil"), so they do not count as the
 * civil society's representative. Suplentes are elected too, but the minimum does not need them:
 * their absence is reported by the exercise's phase gaps, not here.
 */
export function stmGaps(stm: Stm, members: readonly ExerciseMember[]): string[] {
  const byId = membersById(members);
  const out: string[] = [];
  for (const sector of STM_SECTORS) {
    let representatives = 0;
    let facilitatorIsTitular = false;
    for (const seat of stm.seats.filter((s) => s.sector === sector)) {
      if (seat.titularId) {
        const problem = seatHolderProblem(byId.get(seat.titularId), seat.titularId, sector, 'La persona titular');
        if (problem) out.push(problem);
        else if (seat.titularId === stm.facilitatorId) facilitatorIsTitular = true;
        else representatives++;
      }
      if (seat.suplenteId) {
        const problem = seatHolderProblem(byId.get(seat.suplenteId), seat.suplenteId, sector, 'La persona suplente');
        if (problem) out.push(problem);
        if (seat.suplenteId === seat.titularId) out.push(`${byId.get(seat.suplenteId)?.name ?? seat.suplenteId} no puede ser titular y suplente del mismo lugar.`);
      }
    }
    if (representatives === 0) {
      out.push(
        facilitatorIsTitular
          ? `La persona facilitadora no cuenta como representante ${SECTOR_OF[sector]}: falta otra persona titular ${SECTOR_OF[sector]} en el STM.`
          : `Falta la persona titular ${SECTOR_OF[sector]} en el STM.`,
      );
    }
  }
  if (!stm.facilitatorId) {
    out.push('Falta elegir a la persona facilitadora, emanada de la sociedad civil.');
  } else {
    const f = byId.get(stm.facilitatorId);
    if (!f) out.push(`La persona facilitadora (${stm.facilitatorId}) no está en el registro de integrantes.`);
    else if (f.kind !== 'persona') out.push(`${f.name} es una organización: la facilitación la ejerce una persona.`);
    else if (f.sector !== 'sociedad_civil') {
      out.push(`La persona facilitadora debe emanar de la sociedad civil; ${f.name} está registrada en el sector ${SECTOR_LABELS[f.sector]}.`);
    }
  }
  const holders = new Map<string, number>();
  for (const seat of stm.seats) {
    for (const id of new Set([seat.titularId, seat.suplenteId])) if (id) holders.set(id, (holders.get(id) ?? 0) + 1);
  }
  for (const [id, n] of holders) if (n > 1) out.push(`${byId.get(id)?.name ?? id} ocupa ${n} lugares del STM; cada persona ocupa uno.`);
  return out;
}

/** Seats of the three sectors that still have no suplente, as Spanish sentences. */
export function stmSuplenteGaps(stm: Stm): string[] {
  return STM_SECTORS.filter((sector) => {
    const seats = stm.seats.filter((s) => s.sector === sector && s.titularId);
    return seats.length > 0 && seats.some((s) => !s.suplenteId);
  }).map((sector) => `Falta la persona suplente ${SECTOR_OF[sector]} en el STM.`);
}
