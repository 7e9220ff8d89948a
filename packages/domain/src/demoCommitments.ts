/**
 * The three co-created commitments of the demo exercise (Metepec): agua potable, transparencia
 * presupuestaria and seguridad. Dates are relative to the PAM's launch so the demo always looks
 * mid-year. Part of `@cocrea/domain/fixtures`; see `demoExercise.ts`.
 */
import { addDays, addMonths } from './dates';
import type { Mesa } from './mesa';
import { REVIEW_CRITERIA, type ReviewCriterion } from './review';
import type { RoadmapDraft } from './roadmap';
import type { CommitmentContent } from './snapshot';

/** A demo mesa: its record and the commitment it produced. */
export interface DemoMesaSeed {
  mesa: Pick<Mesa, 'id' | 'title' | 'topic' | 'description'>;
  consultation: string;
  content: CommitmentContent;
}

type Verdicts = Partial<Record<ReviewCriterion, ['cumple_parcialmente' | 'no_cumple', string]>>;

function review(subject: string, at: string, exceptions: Verdicts = {}): CommitmentContent['review'] {
  const reasons: Record<ReviewCriterion, string> = {
    concreto: `Define entregables precisos: ${subject}.`,
    incluyente: 'Participan el ente público, organizaciones de la sociedad civil y vecinas y vecinos de las colonias afectadas.',
    estrategico: 'Atiende una causa del árbol de problemas señalada como prioritaria en la consulta.',
    alto_potencial_transformador: 'Cambia la forma en que el municipio rinde cuentas sobre el tema, no solo publica un documento.',
    medible: 'Cuenta con indicadores con línea base y meta anual.',
    replicable: 'Puede replicarse en otros municipios del Valle de Toluca con recursos similares.',
    transparencia: 'Publica información hoy inexistente o dispersa, en datos abiertos.',
    participacion_ciudadana: 'Incorpora a la ciudadanía en la vigilancia y en la definición de prioridades.',
    rendicion_de_cuentas: 'Establece respuestas públicas y periódicas de la autoridad responsable.',
    innovacion: 'Usa herramientas digitales sencillas y datos abiertos reutilizables.',
  };
  const criteria = Object.fromEntries(
    REVIEW_CRITERIA.map((c) => {
      const ex = exceptions[c];
      return [c, ex ? { verdict: ex[0], reasons: ex[1] } : { verdict: 'cumple' as const, reasons: reasons[c] }];
    }),
  ) as CommitmentContent['review']['criteria'];
  return {
    criteria,
    decision: 'factible',
    notes: 'Revisión de factibilidad y viabilidad en sesión del STM.',
    stamp: { by: { id: 'm03', name: 'Lucía Benítez Carranza' }, at },
  };
}

/** The demo's mesas and commitment contents, for a PAM launched on `launch`. */
export function demoCommitmentSeeds(launch: string): DemoMesaSeed[] {
  const m = (n: number) => addMonths(launch, n);
  const end = (n: number) => addDays(addMonths(launch, n), -1);
  const reviewedAt = `${addDays(launch, -70)}T18:00:00.000Z`;
  const agua: RoadmapDraft = {
    narrative:
      'En las colonias del oriente de Metepec el agua llega por tandeo y las fugas tardan semanas en atenderse. ' +
      'El compromiso abre la información del servicio y crea comités ciudadanos que la vigilan.',
    responsible: { name: 'Hugo Cárdenas Albarrán', position: 'Director General', office: 'Organismo Público Descentralizado de Agua Potable, Alcantarillado y Saneamiento de Metepec (OPDAPAS)' },
    coResponsible: { organization: 'Red Ciudadana por el Agua del Valle de Toluca A.C.', contact: 'contacto@redagua-valle.example.org' },
    activities: [
      { id: 'agua-1', description: 'Diagnóstico participativo de tandeos y fugas en 12 colonias', responsible: 'Hugo Cárdenas Albarrán', startDate: launch, endDate: end(3) },
      { id: 'agua-2', description: 'Publicación mensual del calendario de tandeos y de los reportes de fugas en datos abiertos', responsible: 'Unidad de Transparencia', startDate: m(2), endDate: end(12) },
      { id: 'agua-3', description: 'Instalación de 12 comités ciudadanos de vigilancia del agua', responsible: 'Red Ciudadana por el Agua del Valle de Toluca A.C.', startDate: m(3), endDate: end(10) },
    ],
    finalResult: 'Las vecinas y vecinos conocen cuándo llega el agua a su colonia, reportan fugas y vigilan su atención con información pública.',
    expectedProducts: ['Calendario de tandeos en datos abiertos', 'Informe del diagnóstico participativo', '12 comités ciudadanos instalados'],
    indicators: [
      { id: 'agua-i1', name: 'Colonias con calendario de tandeo publicado', unit: 'colonias', baseline: '0', goal: '45' },
      { id: 'agua-i2', name: 'Comités ciudadanos de vigilancia instalados', unit: 'comités', baseline: '0', goal: '12' },
    ],
    meansOfVerification: [
      'Informe del diagnóstico participativo',
      'Conjuntos de datos publicados en el portal de datos abiertos de Metepec',
      'Actas de instalación de los comités ciudadanos',
    ],
    startDate: launch,
    endDate: end(12),
    odsTargets: ['6.1', '6.4', '6.b', '16.10'],
  };
  const presupuesto: RoadmapDraft = {
    narrative: 'La ciudadanía no puede seguir en qué se gasta el presupuesto de obra pública ni opinar sobre sus prioridades.',
    responsible: { name: 'Patricia Olvera Sánchez', position: 'Tesorera Municipal', office: 'Tesorería Municipal de Metepec' },
    coResponsible: { organization: 'Colectivo Metepec Transparente A.C.', contact: 'hola@metepec-transparente.example.org' },
    activities: [
      { id: 'pres-1', description: 'Publicación del presupuesto ciudadano en lenguaje claro', responsible: 'Patricia Olvera Sánchez', startDate: launch, endDate: end(2) },
      { id: 'pres-2', description: 'Mapa de obra pública con avance físico y financiero en datos abiertos', responsible: 'Dirección de Obras Públicas', startDate: m(1), endDate: end(10) },
      { id: 'pres-3', description: 'Cuatro asambleas de rendición de cuentas sobre obra pública, una por región del municipio', responsible: 'Colectivo Metepec Transparente A.C.', startDate: m(4), endDate: end(11) },
    ],
    finalResult: 'Cualquier persona puede consultar cuánto cuesta, dónde está y cuánto avanza cada obra pública, y pedir cuentas en asambleas.',
    expectedProducts: ['Presupuesto ciudadano', 'Mapa de obra pública en datos abiertos', 'Relatorías de las asambleas'],
    indicators: [
      { id: 'pres-i1', name: 'Obras públicas con avance publicado', unit: '% = obras con avance / obras en ejecución × 100', baseline: '0 %', goal: '100 %' },
      { id: 'pres-i2', name: 'Asambleas de rendición de cuentas realizadas', unit: 'asambleas', baseline: '0', goal: '4' },
    ],
    meansOfVerification: ['Presupuesto ciudadano publicado', 'Conjuntos de datos de obra pública publicados', 'Relatorías y listas de asistencia de las asambleas'],
    startDate: launch,
    endDate: end(12),
    odsTargets: ['16.5', '16.6', '16.7', '16.10'],
  };
  const seguridad: RoadmapDraft = {
    narrative: 'Quienes caminan de noche por el centro y las delegaciones perciben inseguridad y no saben qué se hace con sus reportes de alumbrado.',
    responsible: { name: 'Raúl Mendoza Íñiguez', position: 'Director', office: 'Dirección de Seguridad Pública y Tránsito de Metepec' },
    coResponsible: { organization: 'Observatorio Ciudadano de Seguridad Metepec', contact: 'observatorio@seguridad-metepec.example.org' },
    activities: [
      { id: 'seg-1', description: 'Levantamiento ciudadano de luminarias apagadas y puntos inseguros', responsible: 'Observatorio Ciudadano de Seguridad Metepec', startDate: m(1), endDate: end(6) },
      { id: 'seg-2', description: 'Mapa público de reportes de alumbrado con su estado de atención', responsible: 'Dirección de Servicios Públicos', startDate: m(6), endDate: end(11) },
      { id: 'seg-3', description: 'Informe trimestral de incidencia delictiva por colonia en datos abiertos', responsible: 'Raúl Mendoza Íñiguez', startDate: m(3), endDate: end(12) },
    ],
    finalResult: 'Los reportes ciudadanos de alumbrado y la incidencia delictiva por colonia son públicos y orientan la atención municipal.',
    expectedProducts: ['Mapa de luminarias y puntos inseguros', 'Informes trimestrales de incidencia delictiva por colonia'],
    indicators: [
      { id: 'seg-i1', name: 'Reportes de alumbrado atendidos en menos de 15 días', unit: '%', baseline: '38 %', goal: '80 %' },
      { id: 'seg-i2', name: 'Informes trimestrales publicados', unit: 'informes', baseline: '0', goal: '4' },
    ],
    meansOfVerification: ['Base de datos del levantamiento ciudadano', 'Mapa publicado en el portal municipal', 'Informes trimestrales publicados'],
    startDate: launch,
    endDate: end(12),
    odsTargets: ['11.7', '16.1', '16.10'],
  };

  const seed = (
    mesa: DemoMesaSeed['mesa'],
    consultation: string,
    id: string,
    title: string,
    description: string,
    roadmap: RoadmapDraft,
    tree: [string, string[], string[]],
    exceptions?: Verdicts,
  ): DemoMesaSeed => ({
    mesa,
    consultation,
    content: {
      commitment: { id, mesaId: mesa.id, title, description },
      mesa,
      alternatives: [{ id: `${id}-alt1`, text: title, causeIds: [`${id}-c1`] }],
      review: review(roadmap.expectedProducts.join(', ').toLowerCase(), reviewedAt, exceptions),
      roadmap,
      problemTree: [
        { id: `${id}-p`, kind: 'problem', parentId: null, text: tree[0], depth: 0 },
        ...tree[1].map((text, i) => ({ id: `${id}-c${i + 1}`, kind: 'cause' as const, parentId: `${id}-p`, text, depth: 1 })),
        ...tree[2].map((text, i) => ({ id: `${id}-e${i + 1}`, kind: 'effect' as const, parentId: `${id}-p`, text, depth: 1 })),
      ],
    },
  });

  return [
    seed(
      { id: 'mesaAguaMet', title: 'Mesa de agua potable', topic: 'Agua potable', description: 'Suministro intermitente de agua potable en las colonias del oriente de Metepec' },
      'Consulta municipal «Metepec Abierto»: el agua potable fue el tema más votado.',
      'compAguaMet',
      'Tandeos y fugas de agua en datos abiertos, con vigilancia ciudadana',
      'El OPDAPAS publicará los calendarios de tandeo y los reportes de fugas por colonia, y comités ciudadanos vigilarán su atención.',
      agua,
      ['Suministro intermitente de agua potable en las colonias del oriente', ['No se publica el calendario de tandeos', 'Las fugas reportadas no tienen seguimiento público'], ['Familias que almacenan agua en condiciones inseguras']],
    ),
    seed(
      { id: 'mesaPresMet', title: 'Mesa de transparencia presupuestaria', topic: 'Transparencia presupuestaria', description: 'La ciudadanía no puede seguir el gasto en obra pública' },
      'Consulta municipal «Metepec Abierto»: la obra pública fue el segundo tema más votado.',
      'compPresMet',
      'Presupuesto ciudadano y obra pública abierta',
      'La Tesorería publicará el presupuesto en lenguaje claro y el avance de cada obra, y rendirá cuentas en asambleas regionales.',
      presupuesto,
      ['La ciudadanía no puede seguir el gasto en obra pública', ['El presupuesto se publica solo en formatos contables', 'No hay espacios para preguntar por las obras'], ['Desconfianza en la autoridad municipal']],
    ),
    seed(
      { id: 'mesaSegMet', title: 'Mesa de seguridad ciudadana', topic: 'Seguridad', description: 'Percepción de inseguridad en calles sin alumbrado' },
      'Consulta municipal «Metepec Abierto»: la seguridad nocturna fue el tercer tema más votado.',
      'compSegMet',
      'Mapa ciudadano de alumbrado y seguridad',
      'Vecinas, vecinos y la Dirección de Seguridad Pública harán públicos los puntos sin alumbrado y la incidencia delictiva por colonia.',
      seguridad,
      ['Percepción de inseguridad en calles sin alumbrado', ['Luminarias apagadas sin reporte ni seguimiento', 'No se conoce la incidencia delictiva por colonia'], ['Personas que evitan caminar de noche']],
      { replicable: ['cumple_parcialmente', 'Depende de que cada municipio publique su incidencia delictiva por colonia, lo que no todos hacen.'] },
    ),
  ];
}
