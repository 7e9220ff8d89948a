import { EXERCISE_PHASES, type ExercisePhase, type ExerciseStage, type PhaseState } from '@cocrea/domain';
import type { ExerciseSection } from './sections';

/** How a phase stands for the timeline: done, the current one, begun earlier with loose ends, or ahead. */
export type PhaseStatus = 'completa' | 'actual' | 'pendiente' | 'por_venir';

/**
 * The status of each phase given the stage: `actual` for the current phase (even when complete,
 * so the highlight never moves back); `completa` for a phase without gaps; `pendiente` for an
 * earlier phase that still lacks something; `por_venir` for a later one. Once the exercise is
 * `concluido`, nothing is ahead.
 */
export function phaseStatus(p: Pick<PhaseState, 'phase' | 'complete'>, stage: ExerciseStage): PhaseStatus {
  if (p.phase === stage) return 'actual';
  if (p.complete) return 'completa';
  const at = stage === 'concluido' ? EXERCISE_PHASES.length : EXERCISE_PHASES.indexOf(stage);
  return EXERCISE_PHASES.indexOf(p.phase) < at ? 'pendiente' : 'por_venir';
}

/** The facilitator's section for each phase (`/ejercicios/:id/<section>`). */
export const PHASE_SECTION: Record<ExercisePhase, ExerciseSection> = {
  arranque: 'arranque',
  sensibilizacion: 'sensibilizacion',
  integracion_stm: 'stm',
  mesas: 'mesas',
  lanzamiento_pam: 'pam',
  seguimiento: 'seguimiento',
};
