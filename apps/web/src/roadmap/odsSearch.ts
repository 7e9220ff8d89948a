import type { OdsGoal, OdsTarget } from '@cocrea/domain';

/** A target found by {@link findTargets}, with its goal. */
export interface FoundTarget {
  goal: OdsGoal;
  target: OdsTarget;
}

/** Lower case without accents, for matching "educacion" with "educación". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The targets to list: with a query, those of any goal whose code starts with it or whose text
 * (or goal name) contains every word of it; without one, those of the active goal.
 */
export function findTargets(goals: readonly OdsGoal[], query: string, activeGoal: number | null): FoundTarget[] {
  const q = fold(query.trim());
  if (!q) {
    const goal = goals.find((g) => g.number === activeGoal);
    return goal ? goal.targets.map((target) => ({ goal, target })) : [];
  }
  const words = q.split(/\s+/);
  const out: FoundTarget[] = [];
  for (const goal of goals) {
    const goalText = fold(`${goal.shortName} ${goal.title}`);
    for (const target of goal.targets) {
      const text = fold(target.text);
      const byCode = target.code.startsWith(q);
      const byText = words.every((w) => text.includes(w) || goalText.includes(w));
      if (byCode || byText) out.push({ goal, target });
    }
  }
  return out;
}

/** Sorts target codes the way the UN lists them: 1.1 … 1.10 … 1.a, 2.1 … */
export function compareTargetCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
