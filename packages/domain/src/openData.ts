import type { ActionPlan } from './actionPlan';
import type { FileRef } from './documents';
import type { ExercisePhase } from './exercise';
import { SECTOR_LABELS, membersById, type ExerciseMember } from './members';
import type { OdsRollup } from './odsRollup';
import { OGP_COMPLETION_LABELS, commitmentProgress, displayProgress, planVersions } from './progress';
import type { CommitmentVersion } from './snapshot';
import type { Stm } from './stm';
import { ACTIVITY_STATUS_LABELS, type ActivityTracking } from './tracking';

/**
 * Rows of the public open data of an exercise: the tablero de seguimiento, its evidence, the ODS
 * roll-up, the STM and the phases. Each table is one list of column names (Spanish, snake_case, as
 * in the PAM's CSV) and rows keyed by exactly those columns; the JSON download is the array of
 * rows and the CSV download writes the columns in this order. Monitoring and evaluation rows are
 * in `openDataEvaluation.ts`. Nothing private (contacts, internal participant ids) appears.
 */

/** A row of a table whose columns are `C`. */
export type OpenDataRow<C extends readonly string[]> = Record<C[number], string | number | null>;

/** The tablero de seguimiento: one row per activity of the PAM. */
export const TRACKING_COLUMNS = [
  'pam_id',
  'municipio',
  'compromiso_id',
  'compromiso_version',
  'compromiso_titulo',
  'compromiso_avance',
  'compromiso_nivel_ogp',
  'actividad_id',
  'actividad_numero',
  'actividad_descripcion',
  'actividad_responsable',
  'actividad_inicio',
  'actividad_fin',
  'actividad_estado',
  'actividad_avance',
  'evidencias',
  'ultima_evidencia',
  'ultima_actualizacion',
] as const;

/** Evidence of the activities: one row per piece. */
export const EVIDENCE_COLUMNS = [
  'pam_id',
  'compromiso_id',
  'actividad_id',
  'evidencia_id',
  'fecha',
  'descripcion',
  'medio_de_verificacion',
  'tipo',
  'titulo',
  'url',
  'tipo_de_medio',
  'bytes',
  'sha256',
  'registrada',
] as const;

/** The ODS roll-up: one row per target served. */
export const ODS_COLUMNS = ['ods_objetivo', 'ods_objetivo_nombre', 'ods_meta', 'ods_meta_texto', 'compromisos', 'compromisos_numero', 'ods_objetivo_avance'] as const;

/** The STM: one row per seat holder, plus the facilitator. */
export const STM_COLUMNS = ['sector', 'sector_nombre', 'lugar_id', 'calidad', 'nombre', 'organizacion', 'cargo'] as const;

/** The phases: one row per phase. */
export const PHASE_COLUMNS = ['fase', 'numero', 'nombre', 'actual', 'completa', 'pendientes'] as const;

/** Items inside one cell are joined with this, as in the PAM's CSV. */
export const LIST_SEPARATOR = ' | ';

/** The tablero's rows, commitments in the plan's order, activities in the roadmap's order. */
export function trackingRows(
  plan: ActionPlan,
  versions: readonly CommitmentVersion[],
  tracking: readonly ActivityTracking[],
): OpenDataRow<typeof TRACKING_COLUMNS>[] {
  const mine = tracking.filter((t) => t.planId === plan.id);
  return planVersions(plan, versions).flatMap((v) => {
    const c = v.content.commitment;
    const cp = commitmentProgress(v, mine);
    return v.content.roadmap.activities.map((a, i) => {
      const t = mine.find((x) => x.commitmentId === c.id && x.activityId === a.id);
      const last = t?.evidence.map((e) => e.date).sort().at(-1) ?? null;
      return {
        pam_id: plan.id,
        municipio: plan.municipality,
        compromiso_id: c.id,
        compromiso_version: v.version,
        compromiso_titulo: c.title,
        compromiso_avance: displayProgress(cp.progress),
        compromiso_nivel_ogp: OGP_COMPLETION_LABELS[cp.level],
        actividad_id: a.id,
        actividad_numero: i + 1,
        actividad_descripcion: a.description,
        actividad_responsable: a.responsible,
        actividad_inicio: a.startDate,
        actividad_fin: a.endDate,
        actividad_estado: ACTIVITY_STATUS_LABELS[t?.status ?? 'no_iniciada'],
        actividad_avance: t?.progress ?? 0,
        evidencias: t?.evidence.length ?? 0,
        ultima_evidencia: last,
        ultima_actualizacion: t?.history.at(-1)?.stamp.at ?? null,
      };
    });
  });
}

/**
 * Every piece of evidence of the plan's activities. `fileUrl` says where the public downloads an
 * uploaded file (the server knows its routes; the domain does not).
 */
export function evidenceRows(
  plan: ActionPlan,
  versions: readonly CommitmentVersion[],
  tracking: readonly ActivityTracking[],
  fileUrl: (file: FileRef) => string,
): OpenDataRow<typeof EVIDENCE_COLUMNS>[] {
  const order = planVersions(plan, versions).flatMap((v) => v.content.roadmap.activities.map((a) => `${v.content.commitment.id}/${a.id}`));
  const rank = new Map(order.map((k, i) => [k, i]));
  return tracking
    .filter((t) => t.planId === plan.id && rank.has(`${t.commitmentId}/${t.activityId}`))
    .sort((a, b) => (rank.get(`${a.commitmentId}/${a.activityId}`) ?? 0) - (rank.get(`${b.commitmentId}/${b.activityId}`) ?? 0))
    .flatMap((t) =>
      [...t.evidence]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((e) => {
          const d = e.document;
          return {
            pam_id: plan.id,
            compromiso_id: t.commitmentId,
            actividad_id: t.activityId,
            evidencia_id: e.id,
            fecha: e.date,
            descripcion: e.description,
            medio_de_verificacion: e.meansOfVerification,
            tipo: d.kind,
            titulo: d.kind === 'archivo' ? d.name : d.title,
            url: d.kind === 'archivo' ? fileUrl(d) : d.url,
            tipo_de_medio: d.kind === 'archivo' ? d.mediaType : null,
            bytes: d.kind === 'archivo' ? d.bytes : null,
            sha256: d.kind === 'archivo' ? d.sha256 : null,
            registrada: e.added.at,
          };
        }),
    );
}

/** The ODS roll-up as rows, goals then targets in their UN order. */
export function odsRows(rollup: OdsRollup): OpenDataRow<typeof ODS_COLUMNS>[] {
  const row = (goal: number | null, goalName: string | null, progress: number | null) => (t: OdsRollup['goals'][number]['targets'][number]) => ({
    ods_objetivo: goal,
    ods_objetivo_nombre: goalName,
    ods_meta: t.code,
    ods_meta_texto: t.text,
    compromisos: t.commitmentIds.join(LIST_SEPARATOR),
    compromisos_numero: t.commitmentIds.length,
    ods_objetivo_avance: progress === null ? null : displayProgress(progress),
  });
  return [
    ...rollup.goals.flatMap((g) => g.targets.map(row(g.number, g.shortName, g.progress))),
    ...rollup.unknownTargets.map(row(null, null, null)),
  ];
}

/** The STM's public composition: seats in the guide's sector order, then the facilitator. */
export function stmRows(stm: Stm, members: readonly ExerciseMember[]): OpenDataRow<typeof STM_COLUMNS>[] {
  const byId = membersById(members);
  const person = (id: string | null) => (id ? byId.get(id) : undefined);
  const rows: OpenDataRow<typeof STM_COLUMNS>[] = [];
  const order = ['sociedad_civil', 'gobierno_municipal', 'organo_garante'];
  for (const seat of [...stm.seats].sort((a, b) => order.indexOf(a.sector) - order.indexOf(b.sector))) {
    for (const [capacity, id] of [['titular', seat.titularId], ['suplente', seat.suplenteId]] as const) {
      const m = person(id);
      if (m) rows.push({ sector: seat.sector, sector_nombre: SECTOR_LABELS[seat.sector], lugar_id: seat.id, calidad: capacity, nombre: m.name, organizacion: m.organization, cargo: m.position });
    }
  }
  const f = person(stm.facilitatorId);
  if (f) rows.push({ sector: f.sector, sector_nombre: SECTOR_LABELS[f.sector], lugar_id: null, calidad: 'facilitador', nombre: f.name, organizacion: f.organization, cargo: f.position });
  return rows;
}

/** The phases at a glance, from `exerciseOverview`. */
export function phaseRows(overview: {
  phases: { phase: ExercisePhase; number: number; label: string; current: boolean; complete: boolean; gaps: string[] }[];
}): OpenDataRow<typeof PHASE_COLUMNS>[] {
  return overview.phases.map((p) => ({
    fase: p.phase,
    numero: p.number,
    nombre: p.label,
    actual: p.current ? 'sí' : 'no',
    completa: p.complete ? 'sí' : 'no',
    pendientes: p.gaps.join(LIST_SEPARATOR),
  }));
}
