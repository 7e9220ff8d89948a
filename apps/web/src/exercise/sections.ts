/** The facilitator's sections of an exercise, in the order of the tabs (`/ejercicios/:id/<section>`). */
export const EXERCISE_SECTIONS = ['resumen', 'arranque', 'sensibilizacion', 'integrantes', 'stm', 'mesas', 'pam', 'seguimiento', 'evaluacion'] as const;

/** One of {@link EXERCISE_SECTIONS}. */
export type ExerciseSection = (typeof EXERCISE_SECTIONS)[number];

/** The section a URL names; the overview for anything else. */
export function sectionOf(s: string | undefined): ExerciseSection {
  return (EXERCISE_SECTIONS as readonly string[]).includes(s ?? '') ? (s as ExerciseSection) : 'resumen';
}

/** `/ejercicios/:id` or `/ejercicios/:id/<section>`. */
export function sectionHref(exerciseId: string, section: ExerciseSection): string {
  const base = `/ejercicios/${encodeURIComponent(exerciseId)}`;
  return section === 'resumen' ? base : `${base}/${section}`;
}
