import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/** An activity of a roadmap (*actividad*), with its own dates and responsible. */
export interface Activity {
  id: string;
  description: string;
  responsible: string;
  startDate: string;
  endDate: string;
}

/** An indicator (*indicador*): name, unit or formula, baseline and goal. */
export interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  goal: string;
}

/**
 * A *hoja de ruta* as read from its shared document: every field may still be empty. Its eight
 * required elements are the guide's minimum for a commitment's work plan.
 */
export interface RoadmapDraft {
  narrative: string;
  /** 1) Persona servidora pública responsable. */
  responsible: { name: string; position: string; office: string };
  /** 2) Organización de la sociedad civil co-responsable. */
  coResponsible: { organization: string; contact: string };
  /** 3) Actividades. */
  activities: Activity[];
  /** 4) Resultado final. */
  finalResult: string;
  /** 5) Productos esperados. */
  expectedProducts: string[];
  /** 6) Indicadores. */
  indicators: Indicator[];
  /** 7) Medios de verificación. */
  meansOfVerification: string[];
  /** 8) Fechas de inicio y conclusión. */
  startDate: string;
  endDate: string;
  /** ODS target codes ("16.10") the commitment serves. */
  odsTargets: string[];
}

/** A roadmap that passed {@link validateRoadmap}. */
export type Roadmap = RoadmapDraft;

const blank = (s: string) => s.trim().length === 0;
const validDate = (s: string) => isoDate.safeParse(s).success;

/**
 * Checks the eight required elements. Returns every missing or inconsistent element as a Spanish
 * sentence, in the guide's order, so a facilitator sees the whole list at once.
 */
export function roadmapProblems(d: RoadmapDraft, knownOdsTargets?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (blank(d.responsible.name)) out.push('1) Falta el nombre de la persona servidora pública responsable.');
  if (blank(d.responsible.position)) out.push('1) Falta el cargo de la persona servidora pública responsable.');
  if (blank(d.responsible.office)) out.push('1) Falta el área o dependencia de la persona servidora pública responsable.');
  if (blank(d.coResponsible.organization)) out.push('2) Falta la organización de la sociedad civil co-responsable.');
  if (d.activities.length === 0) out.push('3) Falta al menos una actividad.');
  d.activities.forEach((a, i) => {
    const n = `3) Actividad ${i + 1}`;
    if (blank(a.description)) out.push(`${n}: falta la descripción.`);
    if (blank(a.responsible)) out.push(`${n}: falta la persona responsable.`);
    if (!validDate(a.startDate)) out.push(`${n}: falta la fecha de inicio.`);
    if (!validDate(a.endDate)) out.push(`${n}: falta la fecha de conclusión.`);
    if (validDate(a.startDate) && validDate(a.endDate) && a.startDate > a.endDate) out.push(`${n}: termina antes de empezar.`);
    if (validDate(d.startDate) && validDate(a.startDate) && a.startDate < d.startDate) out.push(`${n}: empieza antes que el compromiso.`);
    if (validDate(d.endDate) && validDate(a.endDate) && a.endDate > d.endDate) out.push(`${n}: termina después que el compromiso.`);
  });
  if (blank(d.finalResult)) out.push('4) Falta el resultado final.');
  if (d.expectedProducts.filter((p) => !blank(p)).length === 0) out.push('5) Falta al menos un producto esperado.');
  if (d.indicators.length === 0) out.push('6) Falta al menos un indicador.');
  d.indicators.forEach((ind, i) => {
    const n = `6) Indicador ${i + 1}`;
    if (blank(ind.name)) out.push(`${n}: falta el nombre.`);
    if (blank(ind.unit)) out.push(`${n}: falta la unidad de medida o fórmula.`);
    if (blank(ind.baseline)) out.push(`${n}: falta la línea base.`);
    if (blank(ind.goal)) out.push(`${n}: falta la meta.`);
  });
  if (d.meansOfVerification.filter((m) => !blank(m)).length === 0) out.push('7) Falta al menos un medio de verificación.');
  if (!validDate(d.startDate)) out.push('8) Falta la fecha de inicio.');
  if (!validDate(d.endDate)) out.push('8) Falta la fecha de conclusión.');
  if (validDate(d.startDate) && validDate(d.endDate) && d.startDate > d.endDate) out.push('8) La fecha de conclusión es anterior a la de inicio.');
  if (knownOdsTargets) {
    for (const code of d.odsTargets) if (!knownOdsTargets.has(code)) out.push(`ODS: la meta ${code} no existe.`);
  }
  return out;
}

/** The roadmap cleaned for a snapshot: trimmed text, empty list entries dropped. */
export function cleanRoadmap(d: RoadmapDraft): Roadmap {
  const t = (s: string) => s.trim();
  return {
    narrative: t(d.narrative),
    responsible: { name: t(d.responsible.name), position: t(d.responsible.position), office: t(d.responsible.office) },
    coResponsible: { organization: t(d.coResponsible.organization), contact: t(d.coResponsible.contact) },
    activities: d.activities.map((a) => ({ ...a, description: t(a.description), responsible: t(a.responsible) })),
    finalResult: t(d.finalResult),
    expectedProducts: d.expectedProducts.map(t).filter((p) => p.length > 0),
    indicators: d.indicators.map((i) => ({ id: i.id, name: t(i.name), unit: t(i.unit), baseline: t(i.baseline), goal: t(i.goal) })),
    meansOfVerification: d.meansOfVerification.map(t).filter((m) => m.length > 0),
    startDate: d.startDate,
    endDate: d.endDate,
    odsTargets: [...new Set(d.odsTargets)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  };
}
