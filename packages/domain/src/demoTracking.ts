/**
 * The demo exercise's seguimiento and six-month monitoring: progress reported step by step through
 * {@link applyProgress}, so the demo obeys the same rules as people do. Part of
 * `@cocrea/domain/fixtures`; see `demoExercise.ts`.
 */
import type { ActionPlan } from './actionPlan';
import { addDays, addMonths } from './dates';
import type { DocumentRef } from './documents';
import { recordMonitoring, sixMonthMark, type MonitoringInput, type SixMonthMonitoring } from './evaluation';
import { QUALITY_CRITERIA, VALUE_CRITERIA, type ReviewCriterion } from './review';
import type { CommitmentVersion } from './snapshot';
import { applyProgress, newActivityTracking, type ActivityTracking } from './tracking';

/** Makes an uploaded demo file from its text, registering it for the loader. */
export type DemoFileMaker = (name: string, mediaType: string, content: string) => DocumentRef;

/** One report: on `day`, `activityId` reaches `progress` with this evidence. */
interface Step {
  activityId: string;
  day: string;
  progress: number;
  by: { id: string; name: string };
  evidence: { description: string; means: string; document: DocumentRef }[];
  note?: string;
}

const link = (url: string, title: string): DocumentRef => ({ kind: 'enlace', url, title });
const PORTAL = 'https://datos.metepec.example.org';

/** The reports of the demo, in the order they were made. */
function steps(launch: string, file: DemoFileMaker): Step[] {
  const at = (months: number, days: number) => addDays(addMonths(launch, months), days);
  const hugo = { id: 'm08', name: 'Hugo Cárdenas Albarrán' };
  const joaquin = { id: 'm02', name: 'Joaquín Estrada Villegas' };
  const patricia = { id: 'm09', name: 'Patricia Olvera Sánchez' };
  const mariana = { id: 'm01', name: 'Mariana Velázquez Ortega' };
  const lucia = { id: 'm03', name: 'Lucía Benítez Carranza' };
  const raul = { id: 'm10', name: 'Raúl Mendoza Íñiguez' };
  const DIAG = 'Informe del diagnóstico participativo';
  const DATA = 'Conjuntos de datos publicados en el portal de datos abiertos de Metepec';
  const ACTAS = 'Actas de instalación de los comités ciudadanos';
  const csvTandeos = (month: string) =>
    `colonia,dias_de_servicio,horario,fugas_reportadas,fugas_atendidas\nSan Jerónimo Chicahualco,lunes|miércoles|viernes,06:00-12:00,14,11\nLa Providencia,martes|jueves|sábado,06:00-12:00,9,9\nEsperanza López Mateos,lunes|jueves,14:00-20:00,21,15\n# periodo ${month}\n`;
  return [
    { activityId: 'agua-1', day: at(0, 25), progress: 50, by: hugo, evidence: [{ description: 'Relatoría de los recorridos en 6 de las 12 colonias del diagnóstico', means: DIAG, document: file('relatoria-recorridos-colonias-oriente.txt', 'text/plain', 'Relatoría de recorridos: San Jerónimo Chicahualco, La Providencia, Esperanza López Mateos, Las Marinas, Izcalli Cuauhtémoc V y Casa Blanca.\n') }] },
    { activityId: 'agua-1', day: at(2, 24), progress: 100, by: hugo, evidence: [{ description: 'Informe final del diagnóstico participativo de tandeos y fugas', means: DIAG, document: file('informe-diagnostico-tandeos-fugas.txt', 'text/plain', 'Informe del diagnóstico participativo de tandeos y fugas en 12 colonias del oriente de Metepec.\nHallazgo principal: 4 de cada 10 fugas reportadas no tenían folio de seguimiento.\n') }] },
    { activityId: 'agua-2', day: at(2, 5), progress: 10, by: hugo, evidence: [{ description: 'Primer calendario de tandeos y reporte de fugas en CSV', means: DATA, document: file('tandeos-fugas-mes-1.csv', 'text/csv', csvTandeos('mes 1')) }] },
    { activityId: 'agua-2', day: at(4, 5), progress: 30, by: hugo, evidence: [{ description: 'Conjunto de datos «Tandeos y fugas» en el portal, meses 1 a 3', means: DATA, document: link(`${PORTAL}/dataset/tandeos-y-fugas`, 'Conjunto de datos «Tandeos y fugas por colonia»') }] },
    { activityId: 'agua-2', day: at(5, 20), progress: 45, by: hugo, evidence: [{ description: 'Calendario de tandeos y reporte de fugas del mes 5', means: DATA, document: file('tandeos-fugas-mes-5.csv', 'text/csv', csvTandeos('mes 5')) }] },
    { activityId: 'agua-2', day: at(7, 5), progress: 60, by: hugo, evidence: [{ description: 'Actualización de los meses 6 y 7 en el portal', means: DATA, document: link(`${PORTAL}/dataset/tandeos-y-fugas/historial`, 'Historial de actualizaciones de «Tandeos y fugas»') }], note: 'Se agregó la columna de tiempo de atención de cada fuga.' },
    { activityId: 'agua-3', day: at(4, 10), progress: 25, by: joaquin, evidence: [{ description: 'Actas de instalación de los comités 1 a 3', means: ACTAS, document: file('actas-comites-1-a-3.txt', 'text/plain', 'Actas de instalación de los comités ciudadanos de vigilancia del agua 1, 2 y 3, firmadas por sus integrantes y el OPDAPAS.\n') }] },
    { activityId: 'agua-3', day: at(5, 20), progress: 50, by: joaquin, evidence: [{ description: 'Actas de instalación de los comités 4 a 6', means: ACTAS, document: link('https://redagua-valle.example.org/comites/actas-4-6', 'Actas de los comités 4 a 6') }] },
    { activityId: 'agua-3', day: at(7, 15), progress: 75, by: joaquin, evidence: [{ description: 'Actas de instalación de los comités 7 a 9', means: ACTAS, document: file('actas-comites-7-a-9.txt', 'text/plain', 'Actas de instalación de los comités ciudadanos de vigilancia del agua 7, 8 y 9.\n') }] },
    { activityId: 'pres-1', day: at(1, 10), progress: 60, by: patricia, evidence: [{ description: 'Versión para revisión ciudadana del presupuesto ciudadano', means: 'Presupuesto ciudadano publicado', document: link('https://metepec.example.org/tesoreria/presupuesto-ciudadano-borrador', 'Presupuesto ciudadano (versión para revisión)') }] },
    { activityId: 'pres-1', day: at(1, 26), progress: 100, by: patricia, evidence: [{ description: 'Presupuesto ciudadano por rubro, en datos abiertos', means: 'Presupuesto ciudadano publicado', document: file('presupuesto-ciudadano-rubros.csv', 'text/csv', 'rubro,monto_aprobado_mxn\nAgua potable y saneamiento,182400000\nSeguridad pública,231900000\nObra pública,198750000\nAlumbrado público,41200000\n') }] },
    { activityId: 'pres-2', day: at(3, 3), progress: 20, by: patricia, evidence: [{ description: 'Primer corte del avance físico y financiero de 18 obras', means: 'Conjuntos de datos de obra pública publicados', document: file('obra-publica-avance.csv', 'text/csv', 'obra,colonia,monto_contratado_mxn,avance_fisico,avance_financiero\nRehabilitación de la calle Leona Vicario,Centro,8450000,35,40\nPozo profundo 24,San Salvador Tizatlalli,12900000,10,25\n') }] },
    { activityId: 'pres-2', day: at(6, 2), progress: 40, by: patricia, evidence: [{ description: 'Mapa de obra pública publicado con 31 obras', means: 'Conjuntos de datos de obra pública publicados', document: link(`${PORTAL}/mapa/obra-publica`, 'Mapa de obra pública de Metepec') }] },
    { activityId: 'pres-3', day: at(5, 12), progress: 25, by: mariana, evidence: [{ description: 'Relatoría y lista de asistencia de la asamblea de la región norte', means: 'Relatorías y listas de asistencia de las asambleas', document: file('relatoria-asamblea-region-norte.txt', 'text/plain', 'Asamblea de rendición de cuentas, región norte. Asistieron 86 personas. Se respondieron 23 preguntas sobre 9 obras.\n') }] },
    { activityId: 'pres-3', day: at(7, 8), progress: 50, by: mariana, evidence: [{ description: 'Relatoría y lista de asistencia de la asamblea de la región sur', means: 'Relatorías y listas de asistencia de las asambleas', document: file('relatoria-asamblea-region-sur.txt', 'text/plain', 'Asamblea de rendición de cuentas, región sur. Asistieron 64 personas. Quedaron 5 compromisos de respuesta por escrito.\n') }] },
    { activityId: 'seg-1', day: at(2, 15), progress: 30, by: lucia, evidence: [{ description: 'Base parcial del levantamiento: 412 luminarias revisadas', means: 'Base de datos del levantamiento ciudadano', document: file('levantamiento-luminarias-parcial.csv', 'text/csv', 'punto,colonia,luminaria_apagada,percepcion_inseguridad\nP-001,Barrio de Santiaguito,si,alta\nP-002,Barrio de Santa Cruz,no,media\n') }] },
    { activityId: 'seg-1', day: at(4, 20), progress: 60, by: lucia, evidence: [{ description: 'Base del levantamiento con 905 luminarias y 37 puntos inseguros', means: 'Base de datos del levantamiento ciudadano', document: link('https://seguridad-metepec.example.org/levantamiento', 'Levantamiento ciudadano de luminarias') }] },
    { activityId: 'seg-3', day: at(4, 3), progress: 25, by: raul, evidence: [{ description: 'Informe de incidencia delictiva por colonia, primer trimestre', means: 'Informes trimestrales publicados', document: link(`${PORTAL}/dataset/incidencia-delictiva-colonia`, 'Incidencia delictiva por colonia, primer trimestre') }] },
  ];
}

/** The demo's activity tracking for `plan`, built by applying each report in turn. */
export function demoTracking(plan: ActionPlan, versions: readonly CommitmentVersion[], file: DemoFileMaker): ActivityTracking[] {
  const launch = plan.launchDate ?? '';
  const tracking = new Map<string, ActivityTracking>();
  const where = new Map<string, { commitmentId: string; means: string[] }>();
  for (const v of versions) {
    for (const a of v.content.roadmap.activities) {
      where.set(a.id, { commitmentId: v.content.commitment.id, means: v.content.roadmap.meansOfVerification });
      tracking.set(a.id, newActivityTracking(plan.id, v.content.commitment.id, a.id));
    }
  }
  let n = 0;
  for (const s of [...steps(launch, file)].sort((a, b) => a.day.localeCompare(b.day))) {
    const current = tracking.get(s.activityId);
    const w = where.get(s.activityId);
    if (!current || !w) throw new Error(`Demo: actividad desconocida ${s.activityId}`);
    const result = applyProgress(
      current,
      { action: 'avance', progress: s.progress, note: s.note ?? '', evidence: s.evidence.map((e) => ({ date: s.day, description: e.description, meansOfVerification: e.means, document: e.document })) },
      { today: s.day, launchDate: launch, meansOfVerification: w.means, stamp: { by: s.by, at: `${s.day}T18:00:00.000Z` }, newId: () => `ev${String(++n).padStart(3, '0')}` },
    );
    if (!result.ok) throw new Error(`Demo: ${s.activityId}: ${result.problems.join(' ')}`);
    tracking.set(s.activityId, result.activity);
  }
  return [...tracking.values()];
}

type Assessment = Record<ReviewCriterion, { verdict: 'cumple' | 'cumple_parcialmente' | 'no_cumple'; reasons: string }>;

function assess(subject: string, exceptions: Partial<Assessment> = {}): { quality: MonitoringInput['commitments'][number]['quality']; relevance: MonitoringInput['commitments'][number]['relevance'] } {
  const ok = (c: ReviewCriterion) => exceptions[c] ?? { verdict: 'cumple' as const, reasons: `A la fecha de corte, ${subject} mantiene lo acordado en este criterio.` };
  return {
    quality: Object.fromEntries(QUALITY_CRITERIA.map((c) => [c, ok(c)])) as MonitoringInput['commitments'][number]['quality'],
    relevance: Object.fromEntries(VALUE_CRITERIA.map((c) => [c, ok(c)])) as MonitoringInput['commitments'][number]['relevance'],
  };
}

/** The demo's six-month monitoring, recorded twelve days after the cut-off. */
export function demoMonitoring(plan: ActionPlan, versions: readonly CommitmentVersion[], tracking: readonly ActivityTracking[]): SixMonthMonitoring {
  const cutoffDate = sixMonthMark(plan.launchDate ?? '');
  const input: MonitoringInput = {
    cutoffDate,
    conductedBy: 'Dirección General de Transparencia, Acceso a la Información Pública y Gobierno Abierto del Infoem',
    commitments: [
      {
        commitmentId: 'compAguaMet',
        ...assess('el compromiso de agua potable'),
        schedule: { value: 'en_tiempo', reasons: 'El diagnóstico concluyó en plazo y los datos se publican cada mes.' },
        recommendations: 'Publicar los calendarios también en formato imprimible para las delegaciones con poca conectividad.',
      },
      {
        commitmentId: 'compPresMet',
        ...assess('el compromiso de transparencia presupuestaria'),
        schedule: { value: 'con_retraso', reasons: 'El mapa de obra pública tenía 20 % a la fecha de corte; el calendario preveía la mitad de las obras publicadas.' },
        recommendations: 'Acordar con Obras Públicas un corte mensual fijo para actualizar el mapa.',
      },
      {
        commitmentId: 'compSegMet',
        ...assess('el compromiso de seguridad', {
          medible: { verdict: 'cumple_parcialmente', reasons: 'El indicador de atención de reportes no dice de qué registro sale su línea base de 38 %.' },
        }),
        schedule: { value: 'con_retraso', reasons: 'El levantamiento ciudadano iba en 60 % y su plazo vence al cierre del sexto mes.' },
        recommendations: 'Precisar la fuente del indicador de alumbrado y reprogramar el levantamiento en el STM.',
      },
    ],
  };
  return recordMonitoring(input, plan, versions, tracking, { by: { id: 'm12', name: 'Andrés Villafaña Rojas' }, at: `${addDays(cutoffDate, 12)}T17:00:00.000Z` }, 'monMetepec1');
}
