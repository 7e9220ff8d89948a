import type { ActionPlanStatus, DECISIONS, TreeNodeKind, VERDICTS } from '@cocrea/domain';

/** Spanish names of a PAM's status. */
export const PLAN_STATUS_LABELS: Record<ActionPlanStatus, string> = {
  borrador: 'Borrador',
  aprobado: 'Aprobado',
  publicado: 'Publicado',
};

/** Spanish names of a review's verdicts. */
export const VERDICT_LABELS: Record<(typeof VERDICTS)[number], string> = {
  cumple: 'Cumple',
  cumple_parcialmente: 'Cumple parcialmente',
  no_cumple: 'No cumple',
};

/** Spanish names of a review's decisions. */
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  factible: 'Factible',
  requiere_ajustes: 'Requiere ajustes',
  no_factible: 'No factible',
};

/** Spanish names of the kinds of tree node, singular and plural. */
export const NODE_KIND_LABELS: Record<TreeNodeKind, { one: string; many: string }> = {
  problem: { one: 'Problema central', many: 'Problema central' },
  cause: { one: 'Causa', many: 'Causas' },
  effect: { one: 'Efecto', many: 'Efectos' },
};

/** Headings of the eight required elements of a roadmap, in the guide's order. */
export const ELEMENT_HEADINGS = {
  responsible: '1. Persona servidora pública responsable',
  coResponsible: '2. Organización de la sociedad civil co-responsable',
  activities: '3. Actividades',
  finalResult: '4. Resultado final',
  expectedProducts: '5. Productos esperados',
  indicators: '6. Indicadores',
  meansOfVerification: '7. Medios de verificación',
  dates: '8. Fechas de inicio y conclusión',
} as const;
