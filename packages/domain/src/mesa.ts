import { z } from 'zod';

/** Longest title a mesa may have, in characters. */
export const MESA_TITLE_MAX = 160;

/**
 * What a facilitator fills in to convene a *mesa de cocreación*.
 * Messages are Spanish because they reach the person who typed the value.
 */
export const mesaInputSchema = z.object({
  title: z
    .string({ error: 'El título es obligatorio.' })
    .trim()
    .min(1, { error: 'El título no puede estar vacío.' })
    .max(MESA_TITLE_MAX, { error: `El título admite como máximo ${MESA_TITLE_MAX} caracteres.` }),
  topic: z
    .string({ error: 'La temática es obligatoria.' })
    .trim()
    .min(1, { error: 'La temática no puede estar vacía.' })
    .max(120, { error: 'La temática admite como máximo 120 caracteres.' }),
  description: z
    .string()
    .trim()
    .max(4000, { error: 'La descripción admite como máximo 4000 caracteres.' })
    .optional()
    .default(''),
});

/** A validated request to create a mesa. */
export type MesaInput = z.output<typeof mesaInputSchema>;

/** A *mesa de cocreación*: one working session that builds one problem tree. */
export interface Mesa {
  id: string;
  title: string;
  /** *Temática* the mesa works on, e.g. "Agua potable". */
  topic: string;
  /** The public problem the mesa starts from (*problema público*). */
  description: string;
  createdAt: string;
}

/** Where a participant comes from (optional on join), as the Open Government guides group them. */
export const PARTICIPANT_SECTORS = [
  'sociedad_civil',
  'gobierno_municipal',
  'organo_garante',
  'academia',
  'sector_privado',
  'ciudadania',
] as const;

/** One of {@link PARTICIPANT_SECTORS}. */
export type ParticipantSector = (typeof PARTICIPANT_SECTORS)[number];

/** Whether a mesa still works: a closed mesa is read-only for staff and refuses participants. */
export type MesaStatus = 'abierta' | 'cerrada';

/**
 * A participant's low-friction join: a display name, optionally an organisation and a sector.
 * Sending back `participantId` with the `renewal` secret of an earlier join renews the token of
 * that same participant; an id without its secret is ignored.
 */
export const joinInputSchema = z.object({
  name: z
    .string({ error: 'Escribe tu nombre para unirte.' })
    .trim()
    .min(1, { error: 'Escribe tu nombre para unirte.' })
    .max(60, { error: 'El nombre admite como máximo 60 caracteres.' }),
  organization: z
    .string({ error: 'La organización debe ser texto.' })
    .trim()
    .max(120, { error: 'La organización admite como máximo 120 caracteres.' })
    .optional()
    .transform((v) => (v ? v : null)),
  sector: z
    .enum(PARTICIPANT_SECTORS, { error: 'Elige un sector de la lista.' })
    .nullish()
    .transform((v) => v ?? null),
  /** Sent back on re-join (a fresh token after a reconnect) so presence keeps one identity. */
  participantId: z
    .string()
    .regex(/^p_[A-Za-z0-9]{10}$/, { error: 'Identificador de participante inválido.' })
    .optional(),
  /** The secret the earlier join returned; proves `participantId` is yours. */
  renewal: z.string().max(200, { error: 'Clave de renovación inválida.' }).optional(),
});

/** A validated join request. */
export type JoinInput = z.output<typeof joinInputSchema>;

/** Ids are short, URL-safe and unguessable enough for a share link. */
export const mesaIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);
