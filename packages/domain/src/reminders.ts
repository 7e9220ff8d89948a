import type { ActionPlan } from './actionPlan';
import { addDays, formatDateEs } from './dates';
import { evaluationOpenDate, sixMonthMark, type FinalEvaluation, type SixMonthMonitoring } from './evaluation';

/**
 * Reminders for the two reviews the guide schedules after the PAM's public launch: the monitoring
 * "a los seis meses de haber iniciado la implementación" and the evaluation "al concluir el año de
 * vigencia del PAM". The guide sets when each starts but no deadline; cocrea reminds from a month
 * before and counts a review overdue a month after the six-month mark (the monitoring measures
 * progress at that date, so it should follow it closely) and two months after the year ends (an
 * evaluation of the whole year takes longer). These margins are cocrea's, stated here and in
 * `docs/exercise.md`.
 */

/** What a reminder is about. */
export type ReminderKind = 'monitoreo_seis_meses' | 'evaluacion_final';

/**
 * `programada` — not yet time; `por_vencer` — from the reminder date up to the deadline;
 * `vencida` — past the deadline and not done; `hecha` — recorded for every commitment of the PAM.
 */
export type ReminderStatus = 'programada' | 'por_vencer' | 'vencida' | 'hecha';

/** Spanish labels of the statuses. */
export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  programada: 'Programada',
  por_vencer: 'Por vencer',
  vencida: 'Vencida',
  hecha: 'Hecha',
};

/** Days of notice, and days allowed after the guide's date, per kind. */
export const REMINDER_MARGINS: Record<ReminderKind, { leadDays: number; graceDays: number }> = {
  monitoreo_seis_meses: { leadDays: 30, graceDays: 30 },
  evaluacion_final: { leadDays: 30, graceDays: 60 },
};

/** One reminder. */
export interface DueReminder {
  kind: ReminderKind;
  label: string;
  /** The guide's date: the six-month mark, or the day after the PAM's year ends. */
  startsOn: string;
  /** From when facilitators are reminded. */
  remindFrom: string;
  /** After this date the review is overdue. */
  dueOn: string;
  status: ReminderStatus;
  /** Commitments of the PAM the recorded review has not assessed yet. */
  missingCommitmentIds: string[];
  /** One Spanish sentence for the facilitator. */
  message: string;
}

const LABELS: Record<ReminderKind, string> = {
  monitoreo_seis_meses: 'Monitoreo a los seis meses',
  evaluacion_final: 'Evaluación final',
};

function reminder(
  kind: ReminderKind,
  startsOn: string,
  plan: ActionPlan,
  record: { commitments: { commitmentId: string }[] } | null,
  today: string,
): DueReminder {
  const { leadDays, graceDays } = REMINDER_MARGINS[kind];
  const remindFrom = addDays(startsOn, -leadDays);
  const dueOn = addDays(startsOn, graceDays);
  const assessed = new Set(record?.commitments.map((c) => c.commitmentId) ?? []);
  const missingCommitmentIds = plan.entries.map((e) => e.commitmentId).filter((id) => !assessed.has(id));
  const done = record !== null && missingCommitmentIds.length === 0;
  const status: ReminderStatus = done ? 'hecha' : today > dueOn ? 'vencida' : today >= remindFrom ? 'por_vencer' : 'programada';
  const label = LABELS[kind];
  const n = missingCommitmentIds.length;
  const partial = record && !done ? (n === 1 ? ' Falta 1 compromiso por valorar.' : ` Faltan ${n} compromisos por valorar.`) : '';
  const message = {
    hecha: `${label}: hecha.`,
    programada: `${label}: corresponde a partir del ${formatDateEs(startsOn)}.`,
    por_vencer: `${label}: corresponde a partir del ${formatDateEs(startsOn)} y vence el ${formatDateEs(dueOn)}.${partial}`,
    vencida: `${label}: venció el ${formatDateEs(dueOn)}.${partial}`,
  }[status];
  return { kind, label, startsOn, remindFrom, dueOn, status, missingCommitmentIds, message };
}

/**
 * The monitoring and final-evaluation reminders of a PAM at `today`, in that order; none while
 * the plan is not published with a launch date.
 */
export function dueReminders(
  plan: ActionPlan,
  monitoring: SixMonthMonitoring | null,
  evaluation: FinalEvaluation | null,
  today: string,
): DueReminder[] {
  if (plan.status !== 'publicado' || !plan.launchDate) return [];
  return [
    reminder('monitoreo_seis_meses', sixMonthMark(plan.launchDate), plan, monitoring?.planId === plan.id ? monitoring : null, today),
    reminder('evaluacion_final', evaluationOpenDate(plan.launchDate), plan, evaluation?.planId === plan.id ? evaluation : null, today),
  ];
}
