import type { ActionPlan } from './actionPlan';
import { formatDateEs } from './dates';
import type { FinalEvaluation, SixMonthMonitoring } from './evaluation';
import { EXERCISE_PHASES, PHASE_LABELS, type Exercise, type ExerciseEvent, type ExercisePhase } from './exercise';
import { SECTOR_OF, type ExerciseMember } from './members';
import type { MesaStatus } from './mesa';
import { kitGaps, type ParticipantKit } from './participantKit';
import { publicationGaps, type PlanApproval } from './planApproval';
import { planVersions } from './progress';
import { dueReminders } from './reminders';
import type { CommitmentVersion } from './snapshot';
import { STM_SECTORS, stmGaps, stmSuplenteGaps } from './stm';
import type { ActivityTracking } from './tracking';

/**
 * Where an exercise stands and what each phase still lacks, at a glance. Every rule reads the
 * records as of `today`: an event dated later has not happened yet.
 */

/** A mesa of the exercise, as much of it as the phase rules need. */
export interface MesaSummary {
  id: string;
  title: string;
  status: MesaStatus;
  /** Commitments of the mesa finalized with their roadmap. */
  finalizedCommitments: number;
  kit: ParticipantKit | null;
}

/** Everything the phase rules read. */
export interface ExerciseRecords {
  exercise: Exercise;
  members: readonly ExerciseMember[];
  mesas: readonly MesaSummary[];
  plan: ActionPlan | null;
  /** The finalized versions the plan names (others are ignored). */
  versions: readonly CommitmentVersion[];
  approvals: readonly PlanApproval[];
  tracking: readonly ActivityTracking[];
  monitoring: SixMonthMonitoring | null;
  evaluation: FinalEvaluation | null;
}

/** Where the exercise is: one of the phases, or `concluido` once the final evaluation is recorded. */
export type ExerciseStage = ExercisePhase | 'concluido';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Gaps of an event named by a masculine noun ("foro municipal…", "evento público…"). */
function eventGaps(event: ExerciseEvent | null, noun: string, today: string): string[] {
  if (!event) return [`Falta registrar el ${noun}.`];
  if (event.date > today) return [`El ${noun} está previsto para el ${formatDateEs(event.date)}.`];
  return event.evidence.length === 0 ? [`Falta la evidencia del ${noun} (lista de asistencia, fotografías o relatoría).`] : [];
}

function arranqueGaps({ exercise }: ExerciseRecords, today: string): string[] {
  const d = exercise.declaration;
  const out: string[] = [];
  if (!d) out.push('Falta registrar la Declaración Conjunta.');
  else {
    for (const sector of STM_SECTORS) {
      const signed = d.signatories.filter((s) => s.sector === sector);
      if (signed.some((s) => s.signedOn <= today)) continue;
      const planned = signed.map((s) => s.signedOn).sort()[0];
      out.push(
        planned
          ? `La firma ${SECTOR_OF[sector]} en la Declaración Conjunta está prevista para el ${formatDateEs(planned)}.`
          : `Falta la firma ${SECTOR_OF[sector]} en la Declaración Conjunta.`,
      );
    }
    if (!d.document) out.push('Falta el documento firmado de la Declaración Conjunta.');
  }
  return [...out, ...eventGaps(exercise.launchForum, 'foro municipal del arranque', today)];
}

function sensibilizacionGaps({ exercise, members }: ExerciseRecords, today: string): string[] {
  const out: string[] = [];
  const held = exercise.awarenessEvents.filter((e) => e.date <= today);
  if (held.length === 0) {
    const next = exercise.awarenessEvents.map((e) => e.date).sort()[0];
    out.push(next ? `El primer evento de sensibilización está previsto para el ${formatDateEs(next)}.` : 'Falta al menos un evento de sensibilización.');
  }
  const known = new Set(members.map((m) => m.id));
  for (const e of held) {
    if (e.evidence.length === 0) out.push(`Falta la evidencia del evento «${e.title}».`);
    const unknown = e.joinedMemberIds.filter((id) => !known.has(id));
    if (unknown.length > 0) out.push(`El evento «${e.title}» nombra integrantes que no están en el registro: ${unknown.join(', ')}.`);
  }
  if (held.length > 0 && held.every((e) => e.joinedMemberIds.length === 0)) {
    out.push('Falta registrar a los actores que se sumaron al ejercicio en los eventos de sensibilización.');
  }
  for (const sector of STM_SECTORS) {
    if (!members.some((m) => m.sector === sector)) out.push(`Aún no hay integrantes ${SECTOR_OF[sector]} en el registro.`);
  }
  return out;
}

function stmPhaseGaps({ exercise, members }: ExerciseRecords, today: string): string[] {
  const stm = exercise.stm;
  const out = [...stmGaps(stm, members), ...stmSuplenteGaps(stm)];
  if (!stm.installedOn) out.push('Falta la fecha de instalación del STM.');
  else if (stm.installedOn > today) out.push(`La instalación del STM está prevista para el ${formatDateEs(stm.installedOn)}.`);
  if (!stm.governanceRules) out.push('Faltan las reglas mínimas de integración e interacción del STM (mecanismo de gobernanza).');
  if (!stm.annualAgenda) out.push('Falta la agenda anual de trabajo del STM.');
  return out;
}

function mesasGaps({ mesas }: ExerciseRecords): string[] {
  if (mesas.length === 0) return ['Falta convocar al menos una mesa participativa.'];
  const out = mesas.flatMap((m) => kitGaps(m.kit).map((g) => `Mesa «${m.title}»: ${lowerFirst(g)}`));
  if (mesas.every((m) => m.finalizedCommitments === 0)) out.push('Aún no hay compromisos finalizados con su hoja de ruta.');
  return out;
}

function lanzamientoGaps(r: ExerciseRecords, today: string): string[] {
  const { plan, exercise } = r;
  if (!plan) return ['Falta integrar el PAM con los compromisos finalizados.'];
  if (plan.status !== 'publicado') {
    const gaps = publicationGaps(plan, exercise.stm, r.members, r.approvals);
    return gaps.length > 0 ? gaps : ['El PAM tiene todas las aprobaciones: falta publicarlo.'];
  }
  if (plan.launchDate && plan.launchDate > today) return [`El lanzamiento público del PAM está previsto para el ${formatDateEs(plan.launchDate)}.`];
  return eventGaps(exercise.planLaunchEvent, 'evento público de lanzamiento del PAM', today);
}

function seguimientoGaps(r: ExerciseRecords, today: string): string[] {
  const { plan } = r;
  if (!plan || plan.status !== 'publicado' || !plan.launchDate || plan.launchDate > today) {
    return ['Empieza con el lanzamiento público del PAM.'];
  }
  const out: string[] = [];
  const tracked = new Map(r.tracking.filter((t) => t.planId === plan.id).map((t) => [`${t.commitmentId}/${t.activityId}`, t]));
  for (const v of planVersions(plan, r.versions)) {
    for (const a of v.content.roadmap.activities) {
      const t = tracked.get(`${v.content.commitment.id}/${a.id}`);
      if (a.endDate < today && t?.status !== 'concluida' && t?.status !== 'cancelada') {
        out.push(`Compromiso «${v.content.commitment.title}», actividad «${a.description}»: debía concluir el ${formatDateEs(a.endDate)} y va en ${t?.progress ?? 0} %.`);
      }
    }
  }
  for (const rem of dueReminders(plan, r.monitoring, r.evaluation, today)) if (rem.status !== 'hecha') out.push(rem.message);
  return out;
}

/** What each phase still lacks at `today`, in Spanish; an empty list means the phase is complete. */
export function phaseGaps(records: ExerciseRecords, today: string): Record<ExercisePhase, string[]> {
  return {
    arranque: arranqueGaps(records, today),
    sensibilizacion: sensibilizacionGaps(records, today),
    integracion_stm: stmPhaseGaps(records, today),
    mesas: mesasGaps(records),
    lanzamiento_pam: lanzamientoGaps(records, today),
    seguimiento: seguimientoGaps(records, today),
  };
}

/**
 * The phase the exercise has reached: the furthest one that has begun, since the guide's steps
 * follow each other in time while earlier ones may still have loose ends (those show in
 * {@link phaseGaps}). A phase begins with its first fact: sensibilización once the three sectors
 * signed the declaration or a first event was held; the STM once it is installed or someone holds
 * a seat; mesas with the first mesa; the PAM's launch once a PAM is being integrated; seguimiento
 * on the PAM's public launch date. `concluido` once the final evaluation covers every commitment.
 */
export function currentPhase(r: ExerciseRecords, today: string): ExerciseStage {
  const { exercise: e, plan } = r;
  if (plan?.status === 'publicado' && plan.launchDate && plan.launchDate <= today) {
    const evaluated = new Set(r.evaluation?.planId === plan.id ? r.evaluation.commitments.map((c) => c.commitmentId) : []);
    return plan.entries.every((x) => evaluated.has(x.commitmentId)) && evaluated.size > 0 ? 'concluido' : 'seguimiento';
  }
  if (plan) return 'lanzamiento_pam';
  if (r.mesas.length > 0) return 'mesas';
  if ((e.stm.installedOn && e.stm.installedOn <= today) || e.stm.seats.some((s) => s.titularId || s.suplenteId) || e.stm.facilitatorId) {
    return 'integracion_stm';
  }
  const signedBy = new Set(e.declaration?.signatories.filter((s) => s.signedOn <= today).map((s) => s.sector));
  if (STM_SECTORS.every((s) => signedBy.has(s)) || e.awarenessEvents.some((ev) => ev.date <= today)) return 'sensibilizacion';
  return 'arranque';
}

/** One phase at a glance. */
export interface PhaseState {
  phase: ExercisePhase;
  /** 1–6, the guide's numbering. */
  number: number;
  label: string;
  gaps: string[];
  complete: boolean;
  /** The phase is the current one. */
  current: boolean;
  plannedEnd: string | null;
  /** Planned to be over by now and still incomplete. */
  late: boolean;
}

/** The whole exercise at a glance: the stage and every phase with what it lacks. */
export function exerciseOverview(records: ExerciseRecords, today: string): { stage: ExerciseStage; phases: PhaseState[] } {
  const stage = currentPhase(records, today);
  const gaps = phaseGaps(records, today);
  const phases = EXERCISE_PHASES.map((phase, i) => {
    const plannedEnd = records.exercise.schedule[phase]?.plannedEnd ?? null;
    const complete = gaps[phase].length === 0;
    return { phase, number: i + 1, label: PHASE_LABELS[phase], gaps: gaps[phase], complete, current: stage === phase, plannedEnd, late: !complete && plannedEnd !== null && plannedEnd < today };
  });
  return { stage, phases };
}
