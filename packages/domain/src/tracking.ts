import { z } from 'zod';
import type { Stamp } from './actor';
import { dateField, formatDateEs, mexicoDayOfInstant } from './dates';
import { documentRefSchema, type DocumentRef } from './documents';

/**
 * *Seguimiento* of a published PAM, activity by activity: status, progress and dated evidence —
 * "toda la evidencia documental de las actividades" that the micrositio concentrates and the
 * tablero de seguimiento shows.
 */

/** Where an activity stands. */
export const ACTIVITY_STATUSES = ['no_iniciada', 'en_proceso', 'concluida', 'cancelada'] as const;

/** One of {@link ACTIVITY_STATUSES}. */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Spanish labels of the statuses. */
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  no_iniciada: 'No iniciada',
  en_proceso: 'En proceso',
  concluida: 'Concluida',
  cancelada: 'Cancelada',
};

/** A piece of evidence (*evidencia*): a dated document that shows what was done. */
export interface Evidence {
  id: string;
  /** When what it shows happened (the act's date, the publication date). */
  date: string;
  description: string;
  /** The roadmap's *medio de verificación* it satisfies, spelled as in the roadmap. */
  meansOfVerification: string;
  document: DocumentRef;
  added: Stamp;
}

/** One step of an activity's history. */
export interface ProgressEntry {
  from: number;
  to: number;
  status: ActivityStatus;
  /** Evidence attached in this step. */
  evidenceIds: string[];
  note: string;
  stamp: Stamp;
}

/** The tracking of one activity of one commitment of a published PAM. */
export interface ActivityTracking {
  planId: string;
  commitmentId: string;
  activityId: string;
  status: ActivityStatus;
  /** Integer percentage, 0–100. */
  progress: number;
  evidence: Evidence[];
  history: ProgressEntry[];
}

/** An activity nobody has reported on yet. */
export function newActivityTracking(planId: string, commitmentId: string, activityId: string): ActivityTracking {
  return { planId, commitmentId, activityId, status: 'no_iniciada', progress: 0, evidence: [], history: [] };
}

/** One piece of evidence as submitted. */
export const evidenceInputSchema = z.object({
  date: dateField('Indica la fecha de la evidencia (AAAA-MM-DD).'),
  description: z
    .string({ error: 'Describe qué muestra la evidencia.' })
    .trim()
    .min(1, { error: 'Describe qué muestra la evidencia.' })
    .max(1000, { error: 'La descripción admite como máximo 1000 caracteres.' }),
  meansOfVerification: z
    .string({ error: 'Elige el medio de verificación que cumple la evidencia.' })
    .trim()
    .min(1, { error: 'Elige el medio de verificación que cumple la evidencia.' }),
  document: documentRefSchema,
});

/** A validated piece of evidence. */
export type EvidenceInput = z.output<typeof evidenceInputSchema>;

const note = z.string({ error: 'La nota debe ser texto.' }).trim().max(2000, { error: 'La nota admite como máximo 2000 caracteres.' });

/** An update of an activity: progress with its evidence, or a cancellation with its reason. */
export const progressUpdateInputSchema = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('avance'),
      progress: z
        .number({ error: 'Indica el avance en porcentaje.' })
        .int({ error: 'El avance es un porcentaje entero.' })
        .min(0, { error: 'El avance va de 0 a 100.' })
        .max(100, { error: 'El avance va de 0 a 100.' }),
      evidence: z.array(evidenceInputSchema).max(20, { error: 'Adjunta como máximo 20 evidencias a la vez.' }).default([]),
      note: note.optional().default(''),
    }),
    z.object({
      action: z.literal('cancelar'),
      reason: note.min(1, { error: 'Explica por qué se cancela la actividad.' }),
    }),
  ],
  { error: 'La actualización debe ser un avance o una cancelación.' },
);

/** A validated update. */
export type ProgressUpdateInput = z.output<typeof progressUpdateInputSchema>;

/** What {@link applyProgress} needs besides the activity and the update. */
export interface ProgressContext {
  /** Today's date in the municipality (`YYYY-MM-DD`). */
  today: string;
  /** The PAM's public launch date; `null` while it is not published. */
  launchDate: string | null;
  /** The *medios de verificación* the commitment's roadmap names. */
  meansOfVerification: readonly string[];
  /** Who reports, and when. */
  stamp: Stamp;
  /** A fresh id for each new piece of evidence. */
  newId: () => string;
}

/** The outcome of an update: the new tracking, or every reason it was refused. */
export type ProgressResult = { ok: true; activity: ActivityTracking } | { ok: false; problems: string[] };

/** Status implied by a percentage. */
export function statusForProgress(progress: number): ActivityStatus {
  return progress <= 0 ? 'no_iniciada' : progress >= 100 ? 'concluida' : 'en_proceso';
}

const squash = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('es-MX');
const documentKey = (d: DocumentRef) => (d.kind === 'archivo' ? `sha256:${d.sha256}` : `url:${d.url}`);

/**
 * Applies an update to an activity, or says why not. Rules:
 * 1. Nothing changes before the PAM's public launch (implementation starts with it) nor after the
 *    activity was cancelled.
 * 2. Progress never goes down: the tablero is a public record, and a lower figure would rewrite it.
 * 3. Progress goes up only when the same update brings at least one new piece of evidence.
 * 4. Evidence is dated between the PAM's launch and today: not in the future, not before the
 *    implementation year began.
 * 5. Evidence names one of the roadmap's medios de verificación (compared without case or extra
 *    spaces and stored with the roadmap's spelling).
 * 6. The same file (SHA-256) or link is not attached twice to one activity.
 * 7. An update that changes nothing (same progress, no evidence, no note) is refused.
 * 8. The status follows the progress (0 no iniciada, 1–99 en proceso, 100 concluida); cancelling
 *    needs a reason and keeps the progress reached.
 * Every problem is reported at once, in this order.
 */
export function applyProgress(activity: ActivityTracking, update: ProgressUpdateInput, ctx: ProgressContext): ProgressResult {
  if (!ctx.launchDate) return { ok: false, problems: ['El PAM aún no se publica: el seguimiento empieza con su lanzamiento.'] };
  if (ctx.today < ctx.launchDate) {
    return { ok: false, problems: [`La implementación empieza con el lanzamiento del PAM, el ${formatDateEs(ctx.launchDate)}.`] };
  }
  if (activity.status === 'cancelada') return { ok: false, problems: ['La actividad está cancelada: ya no admite cambios.'] };

  if (update.action === 'cancelar') {
    const entry: ProgressEntry = { from: activity.progress, to: activity.progress, status: 'cancelada', evidenceIds: [], note: update.reason, stamp: ctx.stamp };
    return { ok: true, activity: { ...activity, status: 'cancelada', history: [...activity.history, entry] } };
  }

  const problems: string[] = [];
  if (update.progress < activity.progress) {
    problems.push(`El avance no puede bajar: va en ${activity.progress} % y se indicó ${update.progress} %.`);
  }
  if (update.progress > activity.progress && update.evidence.length === 0) {
    problems.push(`Para subir el avance de ${activity.progress} % a ${update.progress} % adjunta al menos una evidencia.`);
  }
  const allowed = new Map(ctx.meansOfVerification.map((m) => [squash(m), m.trim()]));
  const seen = new Set(activity.evidence.map((e) => documentKey(e.document)));
  const accepted: Omit<Evidence, 'id'>[] = [];
  update.evidence.forEach((e, i) => {
    const n = update.evidence.length > 1 ? `Evidencia ${i + 1}` : 'La evidencia';
    if (e.date > ctx.today) problems.push(`${n} tiene fecha futura (${formatDateEs(e.date)}).`);
    if (ctx.launchDate && e.date < ctx.launchDate) {
      problems.push(`${n} es anterior al lanzamiento del PAM (${formatDateEs(ctx.launchDate)}).`);
    }
    const means = allowed.get(squash(e.meansOfVerification));
    if (!means) {
      problems.push(
        allowed.size > 0
          ? `${n} debe corresponder a un medio de verificación de la hoja de ruta: ${[...allowed.values()].join('; ')}.`
          : `${n} no puede registrarse: la hoja de ruta no nombra medios de verificación.`,
      );
    }
    const key = documentKey(e.document);
    if (seen.has(key)) problems.push(`${n} ya está adjunta a esta actividad.`);
    seen.add(key);
    accepted.push({ date: e.date, description: e.description, meansOfVerification: means ?? e.meansOfVerification, document: e.document, added: ctx.stamp });
  });
  if (update.progress === activity.progress && update.evidence.length === 0 && update.note === '') {
    problems.push('La actualización no cambia nada: indica un nuevo avance, adjunta evidencia o escribe una nota.');
  }
  if (problems.length > 0) return { ok: false, problems };
  const added: Evidence[] = accepted.map((e) => ({ id: ctx.newId(), ...e }));

  const status = statusForProgress(update.progress);
  const entry: ProgressEntry = {
    from: activity.progress,
    to: update.progress,
    status,
    evidenceIds: added.map((e) => e.id),
    note: update.note,
    stamp: ctx.stamp,
  };
  return {
    ok: true,
    activity: { ...activity, progress: update.progress, status, evidence: [...activity.evidence, ...added], history: [...activity.history, entry] },
  };
}

/**
 * The activity as it stood at the end of `day` (Mexico time): only the steps reported by then,
 * and the evidence added by then. Monitoring reads progress "hasta dicha fecha" this way.
 */
export function trackingAsOf(activity: ActivityTracking, day: string): ActivityTracking {
  const history = activity.history.filter((h) => mexicoDayOfInstant(h.stamp.at) <= day);
  const last = history.at(-1);
  return {
    ...activity,
    progress: last?.to ?? 0,
    status: last?.status ?? 'no_iniciada',
    evidence: activity.evidence.filter((e) => mexicoDayOfInstant(e.added.at) <= day),
    history,
  };
}
