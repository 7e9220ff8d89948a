/**
 * Realistic sample data for tests, exports and benchmarks (not part of the main entry point:
 * import from `@cocrea/domain/fixtures`).
 */
import type { ActionPlan } from './actionPlan';
import { REVIEW_CRITERIA, type ReviewCriterion } from './review';
import type { RoadmapDraft } from './roadmap';
import type { CommitmentVersion } from './snapshot';

const stamp = (name: string, at: string) => ({ by: { id: `p_${name.slice(0, 10).padEnd(10, 'x').replace(/\W/g, 'x')}`, name }, at });

/** A complete roadmap for a water-quality commitment. */
export function sampleRoadmap(n = 1): RoadmapDraft {
  return {
    narrative: `El compromiso ${n} busca que la ciudadanía conozca la calidad del agua de su colonia.\nSe publicarán datos abiertos cada mes.`,
    responsible: { name: 'Laura Méndez Ruiz', position: 'Directora General', office: 'Organismo Público Descentralizado de Agua' },
    coResponsible: { organization: 'Agua Clara Toluca A.C.', contact: 'contacto@aguaclara.org.mx' },
    activities: [
      { id: `a${n}-1`, description: 'Diagnóstico participativo de la red de distribución', responsible: 'Laura Méndez Ruiz', startDate: '2027-02-01', endDate: '2027-04-30' },
      { id: `a${n}-2`, description: 'Instalación de puntos de monitoreo ciudadano', responsible: 'Agua Clara Toluca A.C.', startDate: '2027-05-01', endDate: '2027-09-30' },
      { id: `a${n}-3`, description: 'Publicación mensual de resultados en datos abiertos', responsible: 'Unidad de Transparencia', startDate: '2027-06-01', endDate: '2028-01-31' },
    ],
    finalResult: 'Un sistema público de monitoreo de la calidad del agua con participación ciudadana',
    expectedProducts: ['Tablero público de calidad del agua', 'Informe trimestral de resultados'],
    indicators: [
      { id: `i${n}-1`, name: 'Colonias con monitoreo ciudadano', unit: 'colonias', baseline: '0', goal: '24' },
      { id: `i${n}-2`, name: 'Reportes publicados a tiempo', unit: '% = publicados / programados × 100', baseline: '0 %', goal: '100 %' },
    ],
    meansOfVerification: ['Actas de instalación firmadas', 'Conjuntos de datos publicados en el portal municipal'],
    startDate: '2027-02-01',
    endDate: '2028-01-31',
    odsTargets: ['6.1', '6.b', '16.7', '16.10'],
  };
}

/** A finalized commitment version with a small agreed tree. */
export function sampleCommitmentVersion(n = 1): CommitmentVersion {
  const criteria = Object.fromEntries(
    REVIEW_CRITERIA.map((c) => [c, { verdict: 'cumple' as const, reasons: `Cumple el criterio ${c} por su alcance municipal.` }]),
  ) as Record<ReviewCriterion, { verdict: 'cumple'; reasons: string }>;
  return {
    schemaVersion: 1,
    version: 1,
    content: {
      commitment: { id: `comp${String(n).padStart(4, '0')}`, mesaId: 'mesaAgua01', title: `Monitoreo ciudadano de la calidad del agua ${n}`, description: 'Abrir los datos de calidad del agua.' },
      mesa: { id: 'mesaAgua01', title: 'Mesa de agua potable', topic: 'Agua potable', description: 'Baja calidad del agua potable' },
      alternatives: [{ id: 'alt1', text: 'Monitoreo ciudadano con datos abiertos', causeIds: ['c1'] }],
      review: { criteria, decision: 'factible', notes: '', stamp: stamp('Rosa Facilitadora', '2026-11-10T17:00:00.000Z') },
      roadmap: sampleRoadmap(n),
      problemTree: [
        { id: 'problem', kind: 'problem', parentId: null, text: 'Baja calidad del agua potable', depth: 0 },
        { id: 'c1', kind: 'cause', parentId: 'problem', text: 'Falta de monitoreo', depth: 1 },
        { id: 'c2', kind: 'cause', parentId: 'c1', text: 'No hay presupuesto para laboratorios', depth: 2 },
        { id: 'e1', kind: 'effect', parentId: 'problem', text: 'Enfermedades gastrointestinales', depth: 1 },
      ],
    },
    contentHash: 'a'.repeat(64),
    finalized: stamp('Rosa Facilitadora', '2026-11-20T18:30:00.000Z'),
  };
}

/** A published PAM of `count` commitments, with those versions. */
export function samplePlan(count = 3): { plan: ActionPlan; versions: CommitmentVersion[] } {
  const versions = Array.from({ length: count }, (_, i) => sampleCommitmentVersion(i + 1));
  return {
    versions,
    plan: {
      id: 'pamToluca27',
      title: 'Plan de Acción Municipal de Gobierno Abierto 2027',
      municipality: 'Toluca',
      launchDate: '2027-02-01',
      validUntil: '2028-01-31',
      status: 'publicado',
      entries: versions.map((v) => ({ commitmentId: v.content.commitment.id, version: v.version })),
      created: stamp('Rosa Facilitadora', '2026-11-21T10:00:00.000Z'),
      approved: stamp('Rosa Facilitadora', '2026-11-25T10:00:00.000Z'),
      published: stamp('Rosa Facilitadora', '2027-02-01T12:00:00.000Z'),
    },
  };
}

export * from './demoExercise';
