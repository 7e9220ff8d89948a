/**
 * A realistic demo exercise of Gobierno Abierto in Metepec, Estado de México: the Declaración
 * Conjunta signed by the three sectors, the launch forum, three sensibilización events, a complete
 * STM, three mesas with their kits and commitments, a PAM approved by the STM and launched eight
 * months before `today`, its tracking with evidence and the six-month monitoring. People and
 * organisations are fictional; addresses use `example.org`. Exported from `@cocrea/domain/fixtures`
 * for `npm run demo` and tests.
 */
import { validUntil, type ActionPlan } from './actionPlan';
import type { Stamp } from './actor';
import { addDays, addMonths } from './dates';
import { demoCommitmentSeeds } from './demoCommitments';
import { demoMonitoring, demoTracking } from './demoTracking';
import type { DocumentRef, FileRef } from './documents';
import { evaluationOpenDate } from './evaluation';
import type { Exercise } from './exercise';
import type { ExerciseRecords, MesaSummary } from './exercisePhases';
import type { ExerciseMember } from './members';
import type { Mesa } from './mesa';
import { recordApproval, type PlanApproval } from './planApproval';
import { canonicalJson, type CommitmentVersion } from './snapshot';
import type { Stm } from './stm';

/** The day the fixed demo is seen from; `demoExercise({ today })` moves everything with it. */
export const DEMO_TODAY = '2027-10-15';

/** An uploaded demo file: its reference and its text, for the loader to store. */
export interface DemoFile {
  ref: FileRef;
  content: string;
}

/** A demo mesa: the mesa, and what the phase rules read of it. */
export type DemoMesa = Mesa & MesaSummary;

/** Everything the demo holds, plus the same as {@link ExerciseRecords} for the rules. */
export interface DemoExercise {
  today: string;
  exercise: Exercise;
  members: ExerciseMember[];
  mesas: DemoMesa[];
  versions: CommitmentVersion[];
  plan: ActionPlan;
  approvals: PlanApproval[];
  records: ExerciseRecords;
  files: DemoFile[];
}

/**
 * A stand-in for SHA-256 (64 hex digits from FNV-1a), so the fixture stays pure and synchronous.
 * Tests may use it; a loader that stores files or checks content hashes must pass a real SHA-256.
 */
export function fakeSha256(text: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

type P = [id: string, name: string, sector: ExerciseMember['sector'], organization: string, position: string, email: string];

const PEOPLE: P[] = [
  ['m01', 'Mariana Velázquez Ortega', 'sociedad_civil', 'Colectivo Metepec Transparente A.C.', 'Coordinadora general', 'mariana@metepec-transparente.example.org'],
  ['m02', 'Joaquín Estrada Villegas', 'sociedad_civil', 'Red Ciudadana por el Agua del Valle de Toluca A.C.', 'Presidente', 'joaquin@redagua-valle.example.org'],
  ['m03', 'Lucía Benítez Carranza', 'sociedad_civil', 'Observatorio Ciudadano de Seguridad Metepec', 'Directora', 'lucia@seguridad-metepec.example.org'],
  ['m06', 'Arturo Salgado Medina', 'gobierno_municipal', 'H. Ayuntamiento de Metepec', 'Secretario del Ayuntamiento', 'secretaria@metepec.example.org'],
  ['m07', 'Claudia Reyes Montiel', 'gobierno_municipal', 'H. Ayuntamiento de Metepec', 'Titular de la Unidad de Transparencia', 'transparencia@metepec.example.org'],
  ['m08', 'Hugo Cárdenas Albarrán', 'gobierno_municipal', 'OPDAPAS Metepec', 'Director General', 'direccion@opdapas-metepec.example.org'],
  ['m09', 'Patricia Olvera Sánchez', 'gobierno_municipal', 'H. Ayuntamiento de Metepec', 'Tesorera Municipal', 'tesoreria@metepec.example.org'],
  ['m10', 'Raúl Mendoza Íñiguez', 'gobierno_municipal', 'H. Ayuntamiento de Metepec', 'Director de Seguridad Pública y Tránsito', 'seguridad@metepec.example.org'],
  ['m11', 'Sofía Garduño Pliego', 'organo_garante', 'Infoem', 'Comisionada', 'comisionada.garduno@infoem.example.org'],
  ['m12', 'Andrés Villafaña Rojas', 'organo_garante', 'Infoem', 'Subdirector de Gobierno Abierto', 'gobierno.abierto@infoem.example.org'],
  ['m13', 'Elena Rosales Quiroz', 'academia', 'Universidad Autónoma del Estado de México', 'Profesora investigadora', 'erosales@uaemex.example.org'],
  ['m14', 'Tomás Jiménez Arriaga', 'ciudadania', '', 'Vecino de San Salvador Tizatlalli', 'tomas.jimenez@correo.example.org'],
];

const ORGS: [string, string, ExerciseMember['sector']][] = [
  ['m04', 'Colectivo Metepec Transparente A.C.', 'sociedad_civil'],
  ['m05', 'Red Ciudadana por el Agua del Valle de Toluca A.C.', 'sociedad_civil'],
  ['m15', 'Asociación de Comerciantes del Centro de Metepec', 'sector_privado'],
];

/** Builds the demo as seen from `today` (default {@link DEMO_TODAY}); `sha256` hashes file texts and commitment content. */
export function demoExercise(options: { today?: string; sha256?: (text: string) => string } = {}): DemoExercise {
  const today = options.today ?? DEMO_TODAY;
  const sha256 = options.sha256 ?? fakeSha256;
  const launch = addMonths(today, -8);
  const start = addMonths(launch, -8);
  const day = (n: number) => addDays(start, n);
  const before = (n: number) => addDays(launch, -n);
  const stamp = (id: string, name: string, on: string): Stamp => ({ by: { id, name }, at: `${on}T17:00:00.000Z` });
  const lucia = (on: string) => stamp('m03', 'Lucía Benítez Carranza', on);
  const files: DemoFile[] = [];
  const file = (name: string, mediaType: string, content: string): DocumentRef => {
    const ref: FileRef = { kind: 'archivo', name, mediaType, bytes: new TextEncoder().encode(content).length, sha256: sha256(content) };
    files.push({ ref, content });
    return ref;
  };
  const link = (url: string, title: string): DocumentRef => ({ kind: 'enlace', url, title });
  const MICROSITIO = 'https://micrositio.infoem.example.org/gobierno-abierto/metepec';

  const events = [
    { id: 'sens1', title: 'Sensibilización con organizaciones de la sociedad civil', date: day(21), joined: ['m02', 'm03', 'm04', 'm05'], audience: ['sociedad_civil'] as const },
    { id: 'sens2', title: 'Taller de socialización con personas servidoras públicas', date: day(35), joined: ['m07', 'm08', 'm09', 'm10'], audience: ['gobierno_municipal'] as const },
    { id: 'sens3', title: 'Conversatorio con academia, sector privado y ciudadanía en San Salvador Tizatlalli', date: day(49), joined: ['m13', 'm14', 'm15'], audience: ['academia', 'sector_privado', 'ciudadania'] as const },
  ];
  const joinedAt = new Map(events.flatMap((e) => e.joined.map((id) => [id, e] as const)));
  const member = (id: string): Pick<ExerciseMember, 'joinedOn' | 'joinedAtEventId'> => {
    const e = joinedAt.get(id);
    return { joinedOn: e?.date ?? start, joinedAtEventId: e?.id ?? null };
  };
  const members: ExerciseMember[] = [
    ...PEOPLE.map(([id, name, sector, organization, position, email]) => ({ id, kind: 'persona' as const, name, sector, organization, position, contact: { email, phone: '722 555 0100' }, ...member(id) })),
    ...ORGS.map(([id, name, sector]) => ({ id, kind: 'organizacion' as const, name, sector, organization: '', position: '', contact: { email: '', phone: '' }, ...member(id) })),
  ].sort((a, b) => a.id.localeCompare(b.id));

  const stm: Stm = {
    installedOn: day(70),
    seats: [
      { id: 'seat-sc', sector: 'sociedad_civil', titularId: 'm01', suplenteId: 'm02' },
      { id: 'seat-gm', sector: 'gobierno_municipal', titularId: 'm06', suplenteId: 'm07' },
      { id: 'seat-og', sector: 'organo_garante', titularId: 'm11', suplenteId: 'm12' },
    ],
    facilitatorId: 'm03',
    governanceRules: file('reglas-de-integracion-e-interaccion-stm-metepec.txt', 'text/plain', 'Reglas mínimas de integración e interacción del STM de Metepec.\n1. El STM sesiona una vez al mes.\n2. Los acuerdos se toman por consenso; a falta de él, por mayoría de sectores.\n3. La persona suplente asiste con voz y vota en ausencia de la titular.\n'),
    annualAgenda: link(`${MICROSITIO}/stm/agenda-anual`, 'Agenda anual de trabajo del STM'),
  };

  const seeds = demoCommitmentSeeds(launch);
  const versions: CommitmentVersion[] = seeds.map(({ content }) => ({
    schemaVersion: 1,
    version: 1,
    content,
    contentHash: sha256(canonicalJson(content)),
    finalized: lucia(before(60)),
  }));
  const consultation = { title: 'Consulta municipal «Metepec Abierto»', date: day(60), document: link(`${MICROSITIO}/consulta/resultados`, 'Resultados de la consulta «Metepec Abierto»') };
  const mesas: DemoMesa[] = seeds.map(({ mesa, consultation: why }, i) => ({
    ...mesa,
    createdAt: `${day(100 + 7 * i)}T16:00:00.000Z`,
    status: 'cerrada',
    finalizedCommitments: 1,
    kit: {
      mesaId: mesa.id,
      publicProblem: `${mesa.description}. ${why}`,
      consultation,
      items: [
        { id: `${mesa.id}-k1`, title: 'Guía de la mesa y árbol de problemas preliminar', description: 'Cómo se trabajará y el árbol que revisaron las personas expertas.', moment: 'antes', document: file(`guia-${mesa.id}.txt`, 'text/plain', `Guía de la ${mesa.title}: objetivo, reglas de diálogo y árbol de problemas preliminar sobre «${mesa.description}».\n`), added: lucia(day(95 + 7 * i)) },
        { id: `${mesa.id}-k2`, title: 'Datos de la consulta sobre el tema', description: 'Respuestas de la consulta relacionadas con la temática.', moment: 'antes', document: link(`${MICROSITIO}/consulta/${mesa.id}`, `Consulta: ${mesa.topic}`), added: lucia(day(95 + 7 * i)) },
        { id: `${mesa.id}-k3`, title: 'Formato de alternativas de solución', description: 'Para escribir alternativas durante la sesión.', moment: 'durante', document: link(`${MICROSITIO}/kit/formato-alternativas`, 'Formato de alternativas de solución'), added: lucia(day(95 + 7 * i)) },
      ],
      published: lucia(day(98 + 7 * i)),
    },
  }));

  const draft: ActionPlan = {
    id: 'pamMetepec',
    title: 'Plan de Acción Municipal de Gobierno Abierto de Metepec',
    municipality: 'Metepec',
    launchDate: launch,
    validUntil: validUntil(launch),
    status: 'borrador',
    entries: versions.map((v) => ({ commitmentId: v.content.commitment.id, version: v.version })),
    created: lucia(before(50)),
    approved: null,
    published: null,
  };
  const approvals = (
    [
      ['m01', 'Mariana Velázquez Ortega', 40],
      ['m06', 'Arturo Salgado Medina', 38],
      ['m11', 'Sofía Garduño Pliego', 37],
    ] as const
  ).map(([id, name, n], i) => recordApproval(draft, stm, members, id, { note: '' }, stamp(id, name, before(n)), `apr${i + 1}`));
  const plan: ActionPlan = { ...draft, status: 'publicado', approved: lucia(before(37)), published: lucia(before(14)) };

  const exercise: Exercise = {
    id: 'ejMetepec',
    municipality: 'Metepec',
    title: 'Ejercicio de Gobierno Abierto de Metepec',
    period: { startDate: start, endDate: addDays(evaluationOpenDate(launch), 60) },
    schedule: {
      arranque: { plannedStart: start, plannedEnd: day(7) },
      sensibilizacion: { plannedStart: day(14), plannedEnd: day(60) },
      integracion_stm: { plannedStart: day(60), plannedEnd: day(75) },
      mesas: { plannedStart: day(90), plannedEnd: before(60) },
      lanzamiento_pam: { plannedStart: before(60), plannedEnd: launch },
      seguimiento: { plannedStart: launch, plannedEnd: addDays(evaluationOpenDate(launch), 60) },
    },
    declaration: {
      place: 'Sala de Cabildo del Palacio Municipal de Metepec',
      signatories: [
        { name: 'Gabriela Núñez Ocampo', role: 'Presidenta Municipal Constitucional', organization: 'H. Ayuntamiento de Metepec', sector: 'gobierno_municipal', signedOn: start },
        { name: 'Sofía Garduño Pliego', role: 'Comisionada', organization: 'Infoem', sector: 'organo_garante', signedOn: start },
        { name: 'Mariana Velázquez Ortega', role: 'Coordinadora general', organization: 'Colectivo Metepec Transparente A.C.', sector: 'sociedad_civil', signedOn: start },
        { name: 'Elena Rosales Quiroz', role: 'Testigo de honor', organization: 'Universidad Autónoma del Estado de México', sector: 'academia', signedOn: start },
      ],
      document: link(`${MICROSITIO}/declaracion-conjunta.pdf`, 'Declaración Conjunta firmada'),
    },
    launchForum: {
      id: 'foro',
      title: 'Foro municipal «Gobierno Abierto desde lo local»',
      date: start,
      place: 'Centro Cultural de Metepec',
      description: 'Taller para autoridades municipales sobre cocreación y planes de acción, impartido por la academia y la comunidad de práctica.',
      evidence: [file('relatoria-foro-municipal.txt', 'text/plain', 'Relatoría del foro municipal: 120 asistentes; taller «Del problema público al compromiso» para 45 personas servidoras públicas.\n')],
    },
    awarenessEvents: events.map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date,
      place: 'Metepec',
      description: 'Convocado por el Infoem para dar a conocer las características y alcances del ejercicio.',
      evidence: [link(`${MICROSITIO}/sensibilizacion/${e.id}`, `Memoria fotográfica: ${e.title}`)],
      convenedBy: 'Infoem',
      audience: [...e.audience],
      attendance: 30 + e.joined.length * 7,
      joinedMemberIds: e.joined,
    })),
    stm,
    planId: plan.id,
    planLaunchEvent: {
      id: 'lanzamiento',
      title: 'Presentación pública del Plan de Acción Municipal',
      date: launch,
      place: 'Explanada del Palacio Municipal de Metepec',
      description: 'Evento público que marca el inicio de la implementación.',
      evidence: [link(`${MICROSITIO}/pam/lanzamiento`, 'Video del lanzamiento del PAM')],
    },
    created: lucia(start),
  };

  const tracking = demoTracking(plan, versions, file);
  const monitoring = demoMonitoring(plan, versions, tracking);
  const records: ExerciseRecords = { exercise, members, mesas, plan, versions, approvals, tracking, monitoring, evaluation: null };
  return { today, exercise, members, mesas, versions, plan, approvals, records, files };
}
