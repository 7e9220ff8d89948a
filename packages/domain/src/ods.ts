import data from '../data/ods-es.json' with { type: 'json' };

/** One target (*meta*) of an SDG, e.g. `16.10`. */
export interface OdsTarget {
  code: string;
  text: string;
}

/** One Sustainable Development Goal (*Objetivo de Desarrollo Sostenible*). */
export interface OdsGoal {
  number: number;
  shortName: string;
  title: string;
  color: string;
  targets: OdsTarget[];
}

/** The 17 goals and 169 targets in Spanish (official UN wording; see data/ods-es.SOURCE.md). */
export const ODS_GOALS: readonly OdsGoal[] = (data as { goals: OdsGoal[] }).goals;

/** Every target code. */
export const ODS_TARGET_CODES: ReadonlySet<string> = new Set(ODS_GOALS.flatMap((g) => g.targets.map((t) => t.code)));

/** The goal a target belongs to (`"16.10"` → 16). */
export function goalOfTarget(code: string): number {
  return Number.parseInt(code.split('.')[0] ?? '', 10);
}
