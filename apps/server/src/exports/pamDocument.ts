import { CRITERION_LABELS, REVIEW_CRITERIA, type ActionPlan, type CommitmentVersion } from '@cocrea/domain';
import { formatDate, formatInstant, formatInstantDate, formatValidity } from './format';
import { DECISION_LABELS, ELEMENT_HEADINGS, NODE_KIND_LABELS, PLAN_STATUS_LABELS, VERDICT_LABELS } from './labels';
import type { ExportOptions } from './openData';
import { odsAlignment } from './odsAlignment';
import { treeOutline, type OutlineItem } from './treeOutline';

/** A label and its value, shown as a two-column row. */
export interface Field {
  label: string;
  value: string;
  /** Monospaced, for hashes and ids. */
  mono?: boolean;
}

/** A column of a data table; `width` is relative to the other columns. */
export interface Column {
  header: string;
  width: number;
}

/** One block of a printable document, laid out by the DOCX and PDF renderers alike. */
export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; pageBreakBefore?: boolean }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'fields'; rows: Field[] }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  | { kind: 'list'; items: OutlineItem[] };

/**
 * What a printable PAM says, independent of the file format: DOCX and PDF render this same model,
 * so the two never drift apart in content or wording.
 */
export interface PamDocument {
  /** Small line above the title. */
  kicker: string;
  title: string;
  /** Facts under the title: municipality, validity, status… */
  facts: Field[];
  blocks: DocBlock[];
  /** Short text for page headers. */
  runningTitle: string;
}

const nonBlank = (s: string) => s.trim().length > 0;
const NONE = 'Sin información registrada.';

function elementBlocks(v: CommitmentVersion): DocBlock[] {
  const r = v.content.roadmap;
  const h3 = (text: string): DocBlock => ({ kind: 'heading', level: 3, text });
  const list = (items: string[]): DocBlock =>
    items.length > 0 ? { kind: 'list', items: items.map((text) => ({ text, level: 0 })) } : { kind: 'paragraph', text: NONE, muted: true };
  return [
    h3(ELEMENT_HEADINGS.responsible),
    {
      kind: 'fields',
      rows: [
        { label: 'Nombre', value: r.responsible.name },
        { label: 'Cargo', value: r.responsible.position },
        { label: 'Área o dependencia', value: r.responsible.office },
      ],
    },
    h3(ELEMENT_HEADINGS.coResponsible),
    {
      kind: 'fields',
      rows: [
        { label: 'Organización', value: r.coResponsible.organization },
        ...(nonBlank(r.coResponsible.contact) ? [{ label: 'Contacto', value: r.coResponsible.contact }] : []),
      ],
    },
    h3(ELEMENT_HEADINGS.activities),
    r.activities.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: 'No.', width: 0.65 },
            { header: 'Actividad', width: 3.8 },
            { header: 'Responsable', width: 2.2 },
            { header: 'Inicio', width: 2 },
            { header: 'Conclusión', width: 2 },
          ],
          rows: r.activities.map((a, i) => [String(i + 1), a.description, a.responsible, formatDate(a.startDate), formatDate(a.endDate)]),
        }
      : { kind: 'paragraph', text: NONE, muted: true },
    h3(ELEMENT_HEADINGS.finalResult),
    { kind: 'paragraph', text: nonBlank(r.finalResult) ? r.finalResult : NONE, muted: !nonBlank(r.finalResult) },
    h3(ELEMENT_HEADINGS.expectedProducts),
    list(r.expectedProducts),
    h3(ELEMENT_HEADINGS.indicators),
    r.indicators.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: 'Indicador', width: 3 },
            { header: 'Unidad de medida o fórmula', width: 3 },
            { header: 'Línea base', width: 1.5 },
            { header: 'Meta', width: 1.5 },
          ],
          rows: r.indicators.map((i) => [i.name, i.unit, i.baseline, i.goal]),
        }
      : { kind: 'paragraph', text: NONE, muted: true },
    h3(ELEMENT_HEADINGS.meansOfVerification),
    list(r.meansOfVerification),
    h3(ELEMENT_HEADINGS.dates),
    {
      kind: 'fields',
      rows: [
        { label: 'Inicio', value: formatDate(r.startDate) },
        { label: 'Conclusión', value: formatDate(r.endDate) },
      ],
    },
  ];
}

function odsBlocks(v: CommitmentVersion): DocBlock[] {
  const targets = odsAlignment(v.content.roadmap.odsTargets);
  const heading: DocBlock = { kind: 'heading', level: 2, text: 'Alineación con los Objetivos de Desarrollo Sostenible' };
  if (targets.length === 0) return [heading, { kind: 'paragraph', text: 'El compromiso no registró metas de los ODS.', muted: true }];
  return [
    heading,
    {
      kind: 'table',
      columns: [
        { header: 'Meta', width: 0.9 },
        { header: 'Objetivo', width: 2.4 },
        { header: 'Texto de la meta', width: 6.5 },
      ],
      rows: targets.map((t) => [
        t.code,
        t.goal === null ? 'Objetivo desconocido' : `${t.goal}. ${t.goalName ?? ''}`,
        t.text ?? 'Meta no encontrada en el catálogo de los ODS.',
      ]),
    },
  ];
}

function reviewBlocks(v: CommitmentVersion): DocBlock[] {
  const rv = v.content.review;
  return [
    { kind: 'heading', level: 2, text: 'Revisión de factibilidad y viabilidad' },
    {
      kind: 'fields',
      rows: [
        { label: 'Decisión', value: DECISION_LABELS[rv.decision] },
        { label: 'Revisó', value: rv.stamp.by.name },
        { label: 'Fecha', value: formatInstantDate(rv.stamp.at) },
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Criterio', width: 2.4 },
        { header: 'Dictamen', width: 1.8 },
        { header: 'Razones', width: 5.6 },
      ],
      rows: REVIEW_CRITERIA.map((c) => [CRITERION_LABELS[c], VERDICT_LABELS[rv.criteria[c].verdict], rv.criteria[c].reasons]),
    },
    ...(nonBlank(rv.notes) ? [{ kind: 'paragraph', text: `Observaciones: ${rv.notes}` } as const] : []),
  ];
}

function treeBlocks(v: CommitmentVersion): DocBlock[] {
  const t = treeOutline(v.content.problemTree);
  const branch = (items: OutlineItem[], none: string): DocBlock =>
    items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: none, muted: true };
  return [
    { kind: 'heading', level: 2, text: 'Árbol de problemas acordado' },
    { kind: 'heading', level: 3, text: NODE_KIND_LABELS.effect.many },
    branch(t.effects, 'No se registraron efectos.'),
    { kind: 'heading', level: 3, text: NODE_KIND_LABELS.problem.one },
    { kind: 'paragraph', text: t.problem ?? 'No se registró el problema central.', muted: t.problem === null },
    { kind: 'heading', level: 3, text: NODE_KIND_LABELS.cause.many },
    branch(t.causes, 'No se registraron causas.'),
  ];
}

function stampBlocks(v: CommitmentVersion): DocBlock[] {
  return [
    { kind: 'heading', level: 2, text: 'Constancia de finalización' },
    {
      kind: 'paragraph',
      text: 'La huella identifica esta versión: cualquier cambio en su contenido produce una huella distinta.',
      muted: true,
    },
    {
      kind: 'fields',
      rows: [
        { label: 'Versión', value: String(v.version) },
        { label: 'Finalizó', value: v.finalized.by.name },
        { label: 'Fecha y hora', value: formatInstant(v.finalized.at) },
        { label: 'Huella del contenido (SHA-256)', value: v.contentHash, mono: true },
      ],
    },
  ];
}

function commitmentBlocks(v: CommitmentVersion): DocBlock[] {
  const { commitment, mesa, roadmap } = v.content;
  return [
    ...(nonBlank(commitment.description) ? [{ kind: 'paragraph', text: commitment.description } as const] : []),
    {
      kind: 'fields',
      rows: [
        { label: 'Mesa de cocreación', value: nonBlank(mesa.topic) ? `${mesa.title} (${mesa.topic})` : mesa.title },
        ...(nonBlank(mesa.description) ? [{ label: 'Problema público', value: mesa.description }] : []),
        { label: 'Versión', value: `${v.version}, finalizada el ${formatInstantDate(v.finalized.at)}` },
      ],
    },
    { kind: 'heading', level: 2, text: 'Hoja de ruta' },
    ...(nonBlank(roadmap.narrative) ? [{ kind: 'paragraph', text: roadmap.narrative } as const] : []),
    ...elementBlocks(v),
    ...odsBlocks(v),
    ...reviewBlocks(v),
    ...treeBlocks(v),
    ...stampBlocks(v),
  ];
}

/**
 * Builds the printable model of a PAM, or of one commitment when `plan` is null: a cover with the
 * plan's facts and its list of commitments, then one section per commitment.
 */
export function buildPamDocument(plan: ActionPlan | null, versions: readonly CommitmentVersion[], options: ExportOptions = {}): PamDocument {
  const generated = `Generado con cocrea el ${formatInstantDate((options.now ?? new Date()).toISOString())}`;
  if (!plan) {
    const v = versions[0];
    const title = v?.content.commitment.title ?? 'Compromiso sin contenido';
    return {
      kicker: 'Compromiso de Gobierno Abierto',
      title,
      facts: [{ label: 'Documento', value: generated }],
      blocks: versions.flatMap((x, i) => [
        ...(i > 0 ? [{ kind: 'heading', level: 1, text: x.content.commitment.title, pageBreakBefore: true } as const] : []),
        ...commitmentBlocks(x),
      ]),
      runningTitle: title,
    };
  }
  const blocks: DocBlock[] = [{ kind: 'heading', level: 2, text: 'Compromisos del plan' }];
  if (versions.length === 0) blocks.push({ kind: 'paragraph', text: 'Este plan aún no incluye compromisos finalizados.', muted: true });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'No.', width: 0.6 },
        { header: 'Compromiso', width: 4 },
        { header: 'Mesa', width: 2.4 },
        { header: 'Persona responsable', width: 2.6 },
      ],
      rows: versions.map((v, i) => [String(i + 1), v.content.commitment.title, v.content.mesa.title, v.content.roadmap.responsible.name]),
    });
  }
  versions.forEach((v, i) => {
    blocks.push({ kind: 'heading', level: 1, text: `Compromiso ${i + 1}. ${v.content.commitment.title}`, pageBreakBefore: true });
    blocks.push(...commitmentBlocks(v));
  });
  return {
    kicker: `Municipio de ${plan.municipality}`,
    title: plan.title,
    facts: [
      { label: 'Municipio', value: plan.municipality },
      { label: 'Vigencia', value: formatValidity(plan.launchDate, plan.validUntil) },
      { label: 'Estado', value: PLAN_STATUS_LABELS[plan.status] },
      ...(plan.approved ? [{ label: 'Aprobado', value: `${formatInstantDate(plan.approved.at)}, por ${plan.approved.by.name}` }] : []),
      ...(plan.published ? [{ label: 'Publicado', value: `${formatInstantDate(plan.published.at)}, por ${plan.published.by.name}` }] : []),
      { label: 'Compromisos', value: String(versions.length) },
      { label: 'Documento', value: generated },
    ],
    blocks,
    runningTitle: `${plan.title} · ${plan.municipality}`,
  };
}
