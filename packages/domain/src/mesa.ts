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

/** A participant's low-friction join: a display name, nothing else required. */
export const joinInputSchema = z.object({
  name: z
    .string({ error: 'Escribe tu nombre para unirte.' })
    .trim()
    .min(1, { error: 'Escribe tu nombre para unirte.' })
    .max(60, { error: 'El nombre admite como máximo 60 caracteres.' }),
  /** Sent back on re-join (a fresh token after a reconnect) so presence keeps one identity. */
  participantId: z
    .string()
    .regex(/^p_[A-Za-z0-9]{10}$/, { error: 'Identificador de participante inválido.' })
    .optional(),
});

/** A validated join request. */
export type JoinInput = z.output<typeof joinInputSchema>;

/** Ids are short, URL-safe and unguessable enough for a share link. */
export const mesaIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);
