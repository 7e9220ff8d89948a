import { stringify } from 'csv-stringify/sync';
import {
  EVALUATION_COLUMNS,
  EVIDENCE_COLUMNS,
  LIST_SEPARATOR,
  ODS_COLUMNS,
  PHASE_COLUMNS,
  SECTOR_LABELS,
  STM_COLUMNS,
  TRACKING_COLUMNS,
  evaluationRows,
  evidenceRows,
  exerciseOverview,
  membersById,
  odsRollup,
  odsRows,
  phaseRows,
  planProgress,
  planVersions,
  stmRows,
  trackingRows,
  type AwarenessEvent,
  type DocumentRef,
  type ExerciseEvent,
} from '@cocrea/domain';
import type { LoadedExercise } from './exerciseRecords';
import type { FileUrl } from './publicExerciseView';

/**
 * The exercise's public open data (docs/open-data.md): one table per file, each a column list
 * and rows keyed by exactly those columns. The JSON download is the array of rows; the CSV writes
 * the columns in order, UTF-8 with BOM, CRLF, formulas neutralised (the PAM CSV's conventions).
 * Tables of the PAM (tablero, evidence, ODS, reviews, approvals) stay empty until it is published;
 * kits list only published ones. Nothing private: no contacts, no internal ids of people.
 */

/** Cell values. */
type Cell = string | number | null;

/** One open-data table. */
export interface OpenDataTable {
  name: string;
  title: string;
  columns: readonly string[];
  rows: Record<string, Cell>[];
}

/** Signatories of the Declaración Conjunta. */
export const SIGNATORY_COLUMNS = ['sector', 'sector_nombre', 'nombre', 'cargo', 'organizacion', 'fecha_firma'] as const;

/** The launch forum, the sensibilización events and the PAM's public launch. */
export const EVENT_COLUMNS = ['evento_id', 'tipo', 'titulo', 'fecha', 'lugar', 'descripcion', 'convoca', 'sectores_convocados', 'asistencia', 'integrantes_sumados', 'evidencias', 'evidencias_urls'] as const;

/** The STM's approvals of the PAM. */
export const APPROVAL_COLUMNS = ['pam_id', 'sector', 'sector_nombre', 'calidad', 'nombre', 'fecha', 'compromisos_aprobados', 'nota'] as const;

/** Documents of the published participant kits, one row per document. */
export const KIT_COLUMNS = ['mesa_id', 'mesa_titulo', 'problema_publico', 'consulta', 'consulta_fecha', 'momento', 'titulo', 'descripcion', 'tipo', 'url', 'tipo_de_medio', 'bytes', 'sha256'] as const;

/** Table names, in the order the index lists them. */
export const OPEN_DATA_TABLES = ['fases', 'firmantes', 'eventos', 'stm', 'aprobaciones', 'tablero', 'evidencias', 'ods', 'monitoreo-evaluacion', 'kits'] as const;

/** One of {@link OPEN_DATA_TABLES}. */
export type OpenDataTableName = (typeof OPEN_DATA_TABLES)[number];

const docUrl = (d: DocumentRef, fileUrl: FileUrl) => (d.kind === 'archivo' ? fileUrl(d) : d.url);

function eventRow(kind: string, e: ExerciseEvent | AwarenessEvent, fileUrl: FileUrl): Record<string, Cell> {
  const a = 'convenedBy' in e ? e : null;
  return {
    evento_id: e.id,
    tipo: kind,
    titulo: e.title,
    fecha: e.date,
    lugar: e.place,
    descripcion: e.description,
    convoca: a?.convenedBy ?? null,
    sectores_convocados: a ? a.audience.map((s) => SECTOR_LABELS[s]).join(LIST_SEPARATOR) : null,
    asistencia: a?.attendance ?? null,
    integrantes_sumados: a ? a.joinedMemberIds.length : null,
    evidencias: e.evidence.length,
    evidencias_urls: e.evidence.map((d) => docUrl(d, fileUrl)).join(LIST_SEPARATOR),
  };
}

/** Every table of the exercise as the public may see it, as of `today`. */
export function openDataTables(l: LoadedExercise, today: string, fileUrl: FileUrl): OpenDataTable[] {
  const e = l.exercise;
  const plan = l.plan?.status === 'publicado' ? l.plan : null;
  const versions = plan ? planVersions(plan, l.versions) : [];
  const progress = plan ? planProgress(plan, versions, l.tracking) : undefined;
  const byId = membersById(l.members);
  const events = [
    ...(e.launchForum ? [eventRow('foro_arranque', e.launchForum, fileUrl)] : []),
    ...e.awarenessEvents.map((x) => eventRow('sensibilizacion', x, fileUrl)),
    ...(e.planLaunchEvent ? [eventRow('lanzamiento_pam', e.planLaunchEvent, fileUrl)] : []),
  ];
  const tables: Record<OpenDataTableName, Omit<OpenDataTable, 'name'>> = {
    fases: { title: 'Fases del ejercicio y lo que falta en cada una', columns: PHASE_COLUMNS, rows: phaseRows(exerciseOverview(l.records, today)) },
    firmantes: {
      title: 'Firmantes de la Declaración Conjunta',
      columns: SIGNATORY_COLUMNS,
      rows: (e.declaration?.signatories ?? []).map((s) => ({ sector: s.sector, sector_nombre: SECTOR_LABELS[s.sector], nombre: s.name, cargo: s.role, organizacion: s.organization, fecha_firma: s.signedOn })),
    },
    eventos: { title: 'Eventos del ejercicio', columns: EVENT_COLUMNS, rows: events },
    stm: { title: 'Integrantes del Secretariado Técnico Municipal', columns: STM_COLUMNS, rows: stmRows(e.stm, l.members) },
    aprobaciones: {
      title: 'Aprobaciones del PAM por el STM',
      columns: APPROVAL_COLUMNS,
      rows: plan
        ? l.approvals.map((a) => ({
            pam_id: plan.id,
            sector: a.sector,
            sector_nombre: SECTOR_LABELS[a.sector],
            calidad: a.capacity,
            nombre: byId.get(a.memberId)?.name ?? a.approved.by.name,
            fecha: a.approved.at,
            compromisos_aprobados: a.entries.map((x) => `${x.commitmentId} v${x.version}`).join(LIST_SEPARATOR),
            nota: a.note,
          }))
        : [],
    },
    tablero: { title: 'Tablero de seguimiento: una fila por actividad', columns: TRACKING_COLUMNS, rows: plan ? trackingRows(plan, versions, l.tracking) : [] },
    evidencias: { title: 'Evidencias de las actividades', columns: EVIDENCE_COLUMNS, rows: plan ? evidenceRows(plan, versions, l.tracking, fileUrl) : [] },
    ods: { title: 'Objetivos y metas de Desarrollo Sostenible que atiende el PAM', columns: ODS_COLUMNS, rows: plan ? odsRows(odsRollup(versions, progress)) : [] },
    'monitoreo-evaluacion': { title: 'Monitoreo a los seis meses y evaluación final', columns: EVALUATION_COLUMNS, rows: plan ? evaluationRows(plan, versions, l.monitoring, l.evaluation) : [] },
    kits: {
      title: 'Documentos de los kits para participantes publicados',
      columns: KIT_COLUMNS,
      rows: l.mesas.flatMap((m) =>
        m.kit?.published
          ? m.kit.items.map((i) => ({
              mesa_id: m.id,
              mesa_titulo: m.title,
              problema_publico: m.kit?.publicProblem ?? '',
              consulta: m.kit?.consultation?.title ?? null,
              consulta_fecha: m.kit?.consultation?.date ?? null,
              momento: i.moment,
              titulo: i.title,
              descripcion: i.description,
              tipo: i.document.kind,
              url: docUrl(i.document, fileUrl),
              tipo_de_medio: i.document.kind === 'archivo' ? i.document.mediaType : null,
              bytes: i.document.kind === 'archivo' ? i.document.bytes : null,
              sha256: i.document.kind === 'archivo' ? i.document.sha256 : null,
            }))
          : [],
      ),
    },
  };
  return OPEN_DATA_TABLES.map((name) => ({ name, ...tables[name] }));
}

/** A table as CSV: UTF-8 with BOM, comma-separated, CRLF, cells starting a formula neutralised. */
export function tableCsv(t: OpenDataTable): string {
  return stringify(
    t.rows.map((r) => t.columns.map((c) => r[c] ?? '')),
    { bom: true, header: true, columns: [...t.columns], record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true },
  );
}
