import { z } from 'zod';
import type { Stamp } from './actor';
import { dateField } from './dates';
import { documentRefSchema, type DocumentRef } from './documents';
import { PARTICIPANT_SECTORS, type ParticipantSector } from './mesa';
import type { Stm } from './stm';

/**
 * The *ejercicio de Gobierno Abierto* of one municipality: a year-long process in the guide's six
 * steps ("Pasos para realizar un ejercicio de Gobierno Abierto"), each with its artifacts. This
 * file holds the record and what people type into it; `exercisePhases.ts` reads where it stands.
 */

/** The guide's six steps, in order. */
export const EXERCISE_PHASES = ['arranque', 'sensibilizacion', 'integracion_stm', 'mesas', 'lanzamiento_pam', 'seguimiento'] as const;

/** One of {@link EXERCISE_PHASES}. */
export type ExercisePhase = (typeof EXERCISE_PHASES)[number];

/** The steps' names as the guide writes them. */
export const PHASE_LABELS: Record<ExercisePhase, string> = {
  arranque: 'Arranque del ejercicio',
  sensibilizacion: 'Sensibilización y socialización del ejercicio',
  integracion_stm: 'Integración del Secretariado Técnico Municipal (STM)',
  mesas: 'Mesas participativas',
  lanzamiento_pam: 'Lanzamiento e implementación del Plan de Acción Municipal (PAM)',
  seguimiento: 'Seguimiento, monitoreo y evaluación',
};

/** Someone who signed the Declaración Conjunta. */
export interface Signatory {
  name: string;
  /** Their position (*cargo*): "Presidenta Municipal", "Comisionada del Infoem". */
  role: string;
  organization: string;
  sector: ParticipantSector;
  signedOn: string;
}

/**
 * The *Declaración Conjunta*: "documento suscrito por autoridades municipales, representantes de
 * Sociedad Civil del municipio y el Órgano Garante", by which they commit to the exercise.
 */
export interface JointDeclaration {
  place: string;
  signatories: Signatory[];
  /** The signed document (a scan) or where it is published. */
  document: DocumentRef | null;
}

/** An event of the exercise: the launch forum, the PAM's public launch. */
export interface ExerciseEvent {
  id: string;
  title: string;
  date: string;
  place: string;
  description: string;
  /** Attendance lists, photographs, minutes, recordings. */
  evidence: DocumentRef[];
}

/** A *sensibilización y socialización* event, convened by the Órgano Garante. */
export interface AwarenessEvent extends ExerciseEvent {
  convenedBy: string;
  /** Sectors it was addressed to. */
  audience: ParticipantSector[];
  attendance: number | null;
  /** Integrantes who joined the exercise at this event. */
  joinedMemberIds: string[];
}

/** Planned dates of a phase, from the STM's annual agenda. */
export interface PhaseWindow {
  plannedStart: string | null;
  plannedEnd: string | null;
}

/** One municipality's exercise. */
export interface Exercise {
  id: string;
  municipality: string;
  title: string;
  /** The exercise's span, from the declaration to the final evaluation. */
  period: { startDate: string; endDate: string };
  schedule: Partial<Record<ExercisePhase, PhaseWindow>>;
  /** 1) Arranque: the declaration and the *foro municipal* held when it is signed. */
  declaration: JointDeclaration | null;
  launchForum: ExerciseEvent | null;
  /** 2) Sensibilización. */
  awarenessEvents: AwarenessEvent[];
  /** 3) The STM. */
  stm: Stm;
  /** 5) The PAM (`ActionPlan` id) and its public launch event. */
  planId: string | null;
  planLaunchEvent: ExerciseEvent | null;
  created: Stamp;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} es obligatorio.` })
    .trim()
    .min(1, { error: `${label} es obligatorio.` })
    .max(max, { error: `${label} admite como máximo ${max} caracteres.` });
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, { error: `${label} admite como máximo ${max} caracteres.` }).optional().default('');

/** A new exercise. */
export const exerciseInputSchema = z
  .object({
    municipality: text('El municipio', 120),
    title: text('El título del ejercicio', 200),
    period: z.object({
      startDate: dateField('Indica la fecha de inicio del ejercicio (AAAA-MM-DD).'),
      endDate: dateField('Indica la fecha de conclusión del ejercicio (AAAA-MM-DD).'),
    }),
  })
  .refine((e) => e.period.startDate <= e.period.endDate, {
    error: 'La conclusión del ejercicio no puede ser anterior a su inicio.',
    path: ['period', 'endDate'],
  });

/** A validated new exercise. */
export type ExerciseInput = z.output<typeof exerciseInputSchema>;

/** A signatory as typed. */
export const signatoryInputSchema = z.object({
  name: text('El nombre de quien firma', 160),
  role: text('El cargo de quien firma', 160),
  organization: text('La institución u organización de quien firma', 160),
  sector: z.enum(PARTICIPANT_SECTORS, { error: 'Elige el sector de quien firma.' }),
  signedOn: dateField('Indica la fecha de la firma (AAAA-MM-DD).'),
});

/** The declaration as typed. */
export const declarationInputSchema = z.object({
  place: optionalText('El lugar', 200),
  signatories: z.array(signatoryInputSchema).max(60, { error: 'La declaración admite como máximo 60 firmantes.' }),
  document: documentRefSchema.nullish().transform((v) => v ?? null),
});

/** A validated declaration. */
export type DeclarationInput = z.output<typeof declarationInputSchema>;

/** An event as typed (launch forum, PAM launch). */
export const eventInputSchema = z.object({
  title: text('El nombre del evento', 200),
  date: dateField('Indica la fecha del evento (AAAA-MM-DD).'),
  place: optionalText('El lugar', 200),
  description: optionalText('La descripción', 4000),
  evidence: z.array(documentRefSchema).max(50, { error: 'Un evento admite como máximo 50 evidencias.' }).default([]),
});

/** A validated event. */
export type EventInput = z.output<typeof eventInputSchema>;

/** A sensibilización event as typed. */
export const awarenessEventInputSchema = eventInputSchema.extend({
  convenedBy: optionalText('Quién convoca', 200).transform((v) => v || 'Infoem'),
  audience: z.array(z.enum(PARTICIPANT_SECTORS, { error: 'Elige sectores de la lista.' })).default([]),
  attendance: z
    .number({ error: 'La asistencia es un número de personas.' })
    .int({ error: 'La asistencia es un número entero de personas.' })
    .min(0, { error: 'La asistencia no puede ser negativa.' })
    .nullish()
    .transform((v) => v ?? null),
  joinedMemberIds: z.array(z.string().min(1)).max(500).default([]),
});

/** A validated sensibilización event. */
export type AwarenessEventInput = z.output<typeof awarenessEventInputSchema>;

/** The phases' planned dates as typed. */
export const scheduleInputSchema = z.partialRecord(
  z.enum(EXERCISE_PHASES, { error: 'Fase desconocida.' }),
  z
    .object({
      plannedStart: dateField('La fecha prevista de inicio no es válida (AAAA-MM-DD).').nullable(),
      plannedEnd: dateField('La fecha prevista de conclusión no es válida (AAAA-MM-DD).').nullable(),
    })
    .refine((w) => !w.plannedStart || !w.plannedEnd || w.plannedStart <= w.plannedEnd, {
      error: 'La conclusión prevista no puede ser anterior al inicio previsto.',
    }),
);
