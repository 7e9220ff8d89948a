import { ODS_GOALS, goalOfTarget } from './ods';
import type { PlanProgress } from './progress';
import type { CommitmentVersion } from './snapshot';

/**
 * Which Sustainable Development Goals and targets a PAM serves — the guide's *articulación de
 * agendas* with the Agenda 2030 — read from the ODS targets of its commitments' roadmaps.
 */

/** A target and the commitments that serve it. */
export interface OdsTargetRollup {
  code: string;
  /** Official text; `null` for a code not in the catalogue. */
  text: string | null;
  commitmentIds: string[];
}

/** A goal, its targets served and the commitments that serve any of them. */
export interface OdsGoalRollup {
  number: number;
  shortName: string;
  title: string;
  color: string;
  commitmentIds: string[];
  targets: OdsTargetRollup[];
  /** Average progress of its commitments when progress was given, else `null`. */
  progress: number | null;
}

/** The roll-up: goals in their UN order, and codes that name no known goal. */
export interface OdsRollup {
  goals: OdsGoalRollup[];
  unknownTargets: OdsTargetRollup[];
}

const byNumber = new Map(ODS_GOALS.map((g) => [g.number, g]));
const textOf = new Map(ODS_GOALS.flatMap((g) => g.targets.map((t) => [t.code, t.text] as const)));
const numeric = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Rolls the versions' ODS targets up by goal and target. A code not in the catalogue is kept —
 * under its goal with a `null` text when the goal exists, else in `unknownTargets` — so nothing
 * agreed is silently dropped. With `progress`, each goal gets the plain average of its commitments'
 * progress.
 */
export function odsRollup(versions: readonly CommitmentVersion[], progress?: PlanProgress): OdsRollup {
  const targets = new Map<string, Set<string>>();
  for (const v of versions) {
    for (const code of v.content.roadmap.odsTargets) {
      const set = targets.get(code) ?? new Set<string>();
      set.add(v.content.commitment.id);
      targets.set(code, set);
    }
  }
  const progressOf = new Map(progress?.commitments.map((c) => [c.commitmentId, c.progress]) ?? []);
  const goals = new Map<number, OdsGoalRollup>();
  const unknownTargets: OdsTargetRollup[] = [];
  for (const code of [...targets.keys()].sort(numeric)) {
    const target: OdsTargetRollup = { code, text: textOf.get(code) ?? null, commitmentIds: [...(targets.get(code) ?? [])].sort() };
    const goal = byNumber.get(goalOfTarget(code));
    if (!goal) {
      unknownTargets.push(target);
      continue;
    }
    const entry = goals.get(goal.number) ?? {
      number: goal.number,
      shortName: goal.shortName,
      title: goal.title,
      color: goal.color,
      commitmentIds: [],
      targets: [],
      progress: null,
    };
    entry.targets.push(target);
    entry.commitmentIds = [...new Set([...entry.commitmentIds, ...target.commitmentIds])].sort();
    goals.set(goal.number, entry);
  }
  const out = [...goals.values()].sort((a, b) => a.number - b.number);
  if (progress) {
    for (const g of out) {
      const values = g.commitmentIds.map((id) => progressOf.get(id)).filter((p): p is number => p !== undefined);
      g.progress = values.length > 0 ? values.reduce((s, p) => s + p, 0) / values.length : null;
    }
  }
  return { goals: out, unknownTargets };
}
