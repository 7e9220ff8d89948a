import type {
  AwarenessEvent,
  Consultation,
  DocumentRef,
  ExerciseEvent,
  ExercisePhase,
  KitItem,
  KitMoment,
  MemberKind,
  ParticipantKit,
  ParticipantSector,
  PhaseWindow,
  Stamp,
  StmSector,
} from '@cocrea/domain';
import type { ExerciseEventKind, ExerciseRecord, StoredMember } from './ExerciseStorage';

/*
 * Rows of the exercise tables and how they become domain records, the same on both backends:
 * SQLite hands JSON columns back as text and PostgreSQL (`json`) already parsed, so every JSON
 * column goes through {@link json}.
 */

/** A JSON column's value, whichever backend read it. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A JSON column's value, or `null` for SQL NULL. */
const jsonOrNull = <T>(v: unknown): T | null => (v === null || v === undefined ? null : json<T>(v));

/** JSON to write into a JSON column (both backends accept the text). */
export const toJson = (v: unknown): string => JSON.stringify(v);

/** JSON or SQL NULL. */
export const toJsonOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** The file a document points at, for the `file_sha256` foreign key. */
export const fileOf = (d: DocumentRef): string | null => (d.kind === 'archivo' ? d.sha256 : null);

/** An `exercises` row. */
export interface ExerciseRow {
  id: string;
  municipality: string;
  title: string;
  start_date: string;
  end_date: string;
  schedule: unknown;
  created: unknown;
  published: unknown;
  stm_installed_on: string | null;
  stm_facilitator_id: string | null;
  stm_governance_rules: unknown;
  stm_annual_agenda: unknown;
}

/** An `exercise_declarations` row. */
export interface DeclarationRow {
  exercise_id: string;
  place: string;
  document: unknown;
}

/** A `declaration_signatories` row. */
export interface SignatoryRow {
  exercise_id: string;
  name: string;
  role: string;
  organization: string;
  sector: ParticipantSector;
  signed_on: string;
}

/** An `exercise_events` row. */
export interface EventRow {
  id: string;
  exercise_id: string;
  kind: ExerciseEventKind;
  title: string;
  date: string;
  place: string;
  description: string;
  evidence: unknown;
  convened_by: string | null;
  audience: unknown;
  attendance: number | null;
  joined_member_ids: unknown;
}

/** A `stm_seats` row. */
export interface SeatRow {
  exercise_id: string;
  id: string;
  sector: StmSector;
  titular_id: string | null;
  suplente_id: string | null;
}

/** The parts of an exercise that live in other tables, read by the caller. */
export interface ExerciseParts {
  declaration: DeclarationRow | undefined;
  signatories: SignatoryRow[];
  /** Ordered by date, then as inserted. */
  events: EventRow[];
  /** Ordered by position. */
  seats: SeatRow[];
  planId: string | null;
}

function event(r: EventRow): ExerciseEvent {
  return { id: r.id, title: r.title, date: r.date, place: r.place, description: r.description, evidence: json<DocumentRef[]>(r.evidence) };
}

function awarenessEvent(r: EventRow): AwarenessEvent {
  return {
    ...event(r),
    convenedBy: r.convened_by ?? '',
    audience: jsonOrNull<ParticipantSector[]>(r.audience) ?? [],
    attendance: r.attendance === null ? null : Number(r.attendance),
    joinedMemberIds: jsonOrNull<string[]>(r.joined_member_ids) ?? [],
  };
}

/** An exercise from its row and parts. */
export function toExercise(r: ExerciseRow, p: ExerciseParts): ExerciseRecord {
  const single = (kind: ExerciseEventKind) => {
    const e = p.events.find((x) => x.kind === kind);
    return e ? event(e) : null;
  };
  return {
    id: r.id,
    municipality: r.municipality,
    title: r.title,
    period: { startDate: r.start_date, endDate: r.end_date },
    schedule: json<Partial<Record<ExercisePhase, PhaseWindow>>>(r.schedule),
    declaration: p.declaration
      ? {
          place: p.declaration.place,
          signatories: p.signatories.map((s) => ({ name: s.name, role: s.role, organization: s.organization, sector: s.sector, signedOn: s.signed_on })),
          document: jsonOrNull<DocumentRef>(p.declaration.document),
        }
      : null,
    launchForum: single('foro_arranque'),
    awarenessEvents: p.events.filter((e) => e.kind === 'sensibilizacion').map(awarenessEvent),
    stm: {
      installedOn: r.stm_installed_on,
      seats: p.seats.map((s) => ({ id: s.id, sector: s.sector, titularId: s.titular_id, suplenteId: s.suplente_id })),
      facilitatorId: r.stm_facilitator_id,
      governanceRules: jsonOrNull<DocumentRef>(r.stm_governance_rules),
      annualAgenda: jsonOrNull<DocumentRef>(r.stm_annual_agenda),
    },
    planId: p.planId,
    planLaunchEvent: single('lanzamiento_pam'),
    created: json<Stamp>(r.created),
    published: jsonOrNull<Stamp>(r.published),
  };
}

/** The columns of an event row, in insert order, from the event. */
export function eventValues(exerciseId: string, kind: ExerciseEventKind, e: ExerciseEvent | AwarenessEvent): unknown[] {
  const a = kind === 'sensibilizacion' ? (e as AwarenessEvent) : null;
  return [
    e.id,
    exerciseId,
    kind,
    e.title,
    e.date,
    e.place,
    e.description,
    toJson(e.evidence),
    a ? a.convenedBy : null,
    a ? toJson(a.audience) : null,
    a ? a.attendance : null,
    a ? toJson(a.joinedMemberIds) : null,
  ];
}

/** An `exercise_members` row. */
export interface MemberRow {
  id: string;
  exercise_id: string;
  kind: MemberKind;
  name: string;
  sector: ParticipantSector;
  organization: string;
  position: string;
  email: string;
  phone: string;
  joined_on: string;
  joined_at_event_id: string | null;
  account_id: string | null;
}

/** An integrante from its row. */
export const toMember = (r: MemberRow): StoredMember => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  sector: r.sector,
  organization: r.organization,
  position: r.position,
  contact: { email: r.email, phone: r.phone },
  joinedOn: r.joined_on,
  joinedAtEventId: r.joined_at_event_id,
  accountId: r.account_id,
});

/** The columns of a member row, in insert order. */
export const memberValues = (exerciseId: string, m: StoredMember): unknown[] => [
  m.id,
  exerciseId,
  m.kind,
  m.name,
  m.sector,
  m.organization,
  m.position,
  m.contact.email,
  m.contact.phone,
  m.joinedOn,
  m.joinedAtEventId,
  m.accountId,
];

/** An `exercise_mesas` row. */
export interface ExerciseMesaRow {
  mesa_id: string;
  public_problem: string | null;
  consultation: unknown;
  kit_published: unknown;
}

/** A `kit_items` row. */
export interface KitItemRow {
  id: string;
  title: string;
  description: string;
  moment: KitMoment;
  document: unknown;
  added: unknown;
}

/** A kit from its mesa row and items; `null` while it has neither framing nor documents. */
export function toKit(r: ExerciseMesaRow, items: KitItemRow[]): ParticipantKit | null {
  const published = jsonOrNull<Stamp>(r.kit_published);
  if (r.public_problem === null && items.length === 0 && !published) return null;
  return {
    mesaId: r.mesa_id,
    publicProblem: r.public_problem ?? '',
    consultation: jsonOrNull<Consultation>(r.consultation),
    items: items.map(
      (i): KitItem => ({ id: i.id, title: i.title, description: i.description, moment: i.moment, document: json<DocumentRef>(i.document), added: json<Stamp>(i.added) }),
    ),
    published,
  };
}
