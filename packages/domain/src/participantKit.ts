import { z } from 'zod';
import type { Stamp } from './actor';
import { dateField } from './dates';
import { documentRefSchema, type DocumentRef } from './documents';

/**
 * The *kit para participante* of a mesa: "un paquete de documentos para los participantes, los
 * cuales servirán como insumos para las mesas de cocreación" (guide, stage 2 of a co-created
 * commitment). It says which public problem the mesa starts from and the *consulta* that raised
 * it (stage 1: "un problema público a atender proveniente de una Consulta"), and carries the
 * documents to read before the session and to use during it.
 */

/** When participants need a document. */
export const KIT_MOMENTS = ['antes', 'durante'] as const;

/** One of {@link KIT_MOMENTS}. */
export type KitMoment = (typeof KIT_MOMENTS)[number];

/** Spanish labels of the moments. */
export const KIT_MOMENT_LABELS: Record<KitMoment, string> = { antes: 'Antes de la sesión', durante: 'Durante la sesión' };

/** The consultation the public problem comes from. */
export interface Consultation {
  title: string;
  date: string | null;
  document: DocumentRef | null;
}

/** One document of the kit. */
export interface KitItem {
  id: string;
  title: string;
  description: string;
  moment: KitMoment;
  document: DocumentRef;
  added: Stamp;
}

/** The kit of one mesa. */
export interface ParticipantKit {
  mesaId: string;
  /** The public problem the mesa starts from. */
  publicProblem: string;
  consultation: Consultation | null;
  items: KitItem[];
  /** When a facilitator made the kit public; until then only the mesa sees it. */
  published: Stamp | null;
}

/** The kit's framing, as a facilitator writes it. */
export const kitFramingInputSchema = z.object({
  publicProblem: z
    .string({ error: 'Escribe el problema público del que parte la mesa.' })
    .trim()
    .min(1, { error: 'Escribe el problema público del que parte la mesa.' })
    .max(2000, { error: 'El problema público admite como máximo 2000 caracteres.' }),
  consultation: z
    .object({
      title: z
        .string({ error: 'Escribe el nombre de la consulta.' })
        .trim()
        .min(1, { error: 'Escribe el nombre de la consulta.' })
        .max(300, { error: 'El nombre de la consulta admite como máximo 300 caracteres.' }),
      date: dateField('La fecha de la consulta no es válida (AAAA-MM-DD).').nullish().transform((v) => v ?? null),
      document: documentRefSchema.nullish().transform((v) => v ?? null),
    })
    .nullish()
    .transform((v) => v ?? null),
});

/** A validated framing. */
export type KitFramingInput = z.output<typeof kitFramingInputSchema>;

/** A document added to the kit. */
export const kitItemInputSchema = z.object({
  title: z
    .string({ error: 'Escribe el título del documento.' })
    .trim()
    .min(1, { error: 'Escribe el título del documento.' })
    .max(200, { error: 'El título admite como máximo 200 caracteres.' }),
  description: z.string().trim().max(2000, { error: 'La descripción admite como máximo 2000 caracteres.' }).optional().default(''),
  moment: z.enum(KIT_MOMENTS, { error: 'Indica si el documento es para antes o para durante la sesión.' }),
  document: documentRefSchema,
});

/** A validated kit item. */
export type KitItemInput = z.output<typeof kitItemInputSchema>;

/**
 * What the kit still lacks before the session, in Spanish: the public problem, the consultation
 * it comes from, and at least one document to read beforehand.
 */
export function kitGaps(kit: ParticipantKit | null): string[] {
  if (!kit) return ['Falta el kit para participante.'];
  const out: string[] = [];
  if (kit.publicProblem.trim() === '') out.push('Falta el problema público del que parte la mesa.');
  if (!kit.consultation) out.push('Falta la consulta de la que proviene el problema público.');
  if (!kit.items.some((i) => i.moment === 'antes')) out.push('Falta al menos un documento para leer antes de la sesión.');
  return out;
}

/** Who is looking at a kit. */
export type KitViewer = { kind: 'public' } | { kind: 'mesa'; mesaId: string } | { kind: 'staff' };

/**
 * Whether `viewer` may see the kit: the mesa's participants and staff always; the public once a
 * facilitator published it.
 */
export function canSeeKit(kit: ParticipantKit, viewer: KitViewer): boolean {
  if (viewer.kind === 'staff') return true;
  if (viewer.kind === 'mesa' && viewer.mesaId === kit.mesaId) return true;
  return kit.published !== null;
}
