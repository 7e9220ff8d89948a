import { z } from 'zod';
import { PARTICIPANT_SECTORS, type ParticipantSector } from './mesa';
import { dateField } from './dates';

/**
 * The registry of *integrantes*: "personas, agrupaciones, sociedades, instituciones, dependencias u
 * organismos que han manifestado su interés de participar en el Ejercicio de Gobierno Abierto y que
 * se encuentran registradas como participantes de este" (guide, definitions VI). Sectors reuse
 * {@link PARTICIPANT_SECTORS}, the list a mesa participant picks from, so a person is counted in
 * the same sector everywhere.
 */

/** How each sector is named in Spanish, alone ("Sociedad civil"). */
export const SECTOR_LABELS: Record<ParticipantSector, string> = {
  sociedad_civil: 'Sociedad civil',
  gobierno_municipal: 'Gobierno municipal',
  organo_garante: 'Órgano Garante (Infoem)',
  academia: 'Academia',
  sector_privado: 'Sector privado',
  ciudadania: 'Ciudadanía',
};

/** How each sector reads after "de" in a sentence ("la firma *del Órgano Garante*"). */
export const SECTOR_OF: Record<ParticipantSector, string> = {
  sociedad_civil: 'de la sociedad civil',
  gobierno_municipal: 'de la autoridad municipal',
  organo_garante: 'del Órgano Garante',
  academia: 'de la academia',
  sector_privado: 'del sector privado',
  ciudadania: 'de la ciudadanía',
};

/** A person, or an organisation (agrupación, institución, dependencia…). */
export const MEMBER_KINDS = ['persona', 'organizacion'] as const;

/** One of {@link MEMBER_KINDS}. */
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** How to reach an integrante. Private: never shown on the micrositio nor in open data. */
export interface MemberContact {
  email: string;
  phone: string;
}

/** An *integrante* of the exercise. */
export interface ExerciseMember {
  id: string;
  kind: MemberKind;
  /** Full name of the person, or the organisation's name. */
  name: string;
  sector: ParticipantSector;
  /** For a person: the organisation or office they belong to ('' when none). */
  organization: string;
  /** For a person: their position (*cargo*), '' when none. */
  position: string;
  contact: MemberContact;
  /** When they joined the exercise. */
  joinedOn: string;
  /** The sensibilización event where they joined, when that is how they came. */
  joinedAtEventId: string | null;
}

/** An integrante as the public sees them: everything except the contact. */
export type PublicMember = Omit<ExerciseMember, 'contact'>;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} debe ser texto.` })
    .trim()
    .max(max, { error: `${label} admite como máximo ${max} caracteres.` });

/** What a facilitator types to register an integrante. */
export const memberInputSchema = z.object({
  kind: z.enum(MEMBER_KINDS, { error: 'Indica si es una persona o una organización.' }),
  name: text('El nombre', 160).min(1, { error: 'El nombre es obligatorio.' }),
  sector: z.enum(PARTICIPANT_SECTORS, { error: 'Elige un sector de la lista.' }),
  organization: text('La organización', 160).optional().default(''),
  position: text('El cargo', 160).optional().default(''),
  contact: z
    .object({
      email: z
        .union([z.literal(''), z.email({ error: 'El correo electrónico no es válido.' })])
        .optional()
        .default(''),
      phone: text('El teléfono', 40)
        .regex(/^[0-9+()\s.-]*$/, { error: 'El teléfono solo admite dígitos, espacios y + ( ) - .' })
        .optional()
        .default(''),
    })
    .optional()
    .default({ email: '', phone: '' }),
  joinedOn: dateField('Indica la fecha de incorporación (AAAA-MM-DD).'),
  joinedAtEventId: z.string().min(1).nullish().transform((v) => v ?? null),
});

/** A validated registration. */
export type MemberInput = z.output<typeof memberInputSchema>;

/** Drops the contact: what the micrositio and open data may show. */
export function publicMember(m: ExerciseMember): PublicMember {
  const { contact: _contact, ...rest } = m;
  return rest;
}

/** Members by id, for the look-ups the rules make. */
export function membersById(members: readonly ExerciseMember[]): ReadonlyMap<string, ExerciseMember> {
  return new Map(members.map((m) => [m.id, m]));
}
