import { ODS_GOALS, goalOfTarget } from '@cocrea/domain';

/** An ODS target a commitment serves, with its goal and official Spanish wording. */
export interface OdsAlignment {
  /** Target code, e.g. `16.10`. */
  code: string;
  /** Official text of the target; `null` when the code is not in the catalogue. */
  text: string | null;
  /** Goal number, 1–17; `null` when the code names no goal. */
  goal: number | null;
  /** Short name of the goal, e.g. "Agua limpia y saneamiento"; `null` when the goal is unknown. */
  goalName: string | null;
}

const byCode = new Map(ODS_GOALS.flatMap((g) => g.targets.map((t) => [t.code, { goal: g, target: t }] as const)));

/**
 * Resolves target codes against the catalogue, in the order given. An unknown code (a snapshot
 * taken before the catalogue changed) is kept with `null` texts rather than dropped, so an export
 * never silently loses what was agreed.
 */
export function odsAlignment(codes: readonly string[]): OdsAlignment[] {
  return codes.map((code) => {
    const hit = byCode.get(code);
    if (hit) return { code, text: hit.target.text, goal: hit.goal.number, goalName: hit.goal.shortName };
    const goal = ODS_GOALS.find((g) => g.number === goalOfTarget(code));
    return { code, text: null, goal: goal?.number ?? null, goalName: goal?.shortName ?? null };
  });
}
