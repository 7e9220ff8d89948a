import { describe, expect, it } from 'vitest';
import { sampleCommitmentVersion } from './fixtures';
import { odsRollup } from './odsRollup';
import type { PlanProgress } from './progress';

const version = (n: number, odsTargets: string[]) => {
  const v = sampleCommitmentVersion(n);
  v.content.roadmap.odsTargets = odsTargets;
  return v;
};

describe('odsRollup', () => {
  it('groups targets by goal in UN order, with the commitments serving each', () => {
    const r = odsRollup([version(1, ['16.10', '6.1', '6.b']), version(2, ['16.7', '16.10'])]);
    expect(r.goals.map((g) => [g.number, g.shortName, g.commitmentIds, g.targets.map((t) => [t.code, t.commitmentIds])])).toEqual([
      [6, 'Agua limpia y saneamiento', ['comp0001'], [['6.1', ['comp0001']], ['6.b', ['comp0001']]]],
      [16, 'Paz, justicia e instituciones sólidas', ['comp0001', 'comp0002'], [['16.7', ['comp0002']], ['16.10', ['comp0001', 'comp0002']]]],
    ]);
    expect(r.goals[1]?.targets[1]?.text).toMatch(/^Garantizar el acceso público a la información/);
    expect(r.goals[0]?.progress).toBeNull();
    expect(r.unknownTargets).toEqual([]);
  });

  it('keeps codes missing from the catalogue instead of dropping them', () => {
    const r = odsRollup([version(1, ['16.99', '42.1'])]);
    expect(r.goals[0]?.targets).toEqual([{ code: '16.99', text: null, commitmentIds: ['comp0001'] }]);
    expect(r.unknownTargets).toEqual([{ code: '42.1', text: null, commitmentIds: ['comp0001'] }]);
  });

  it('averages the progress of the commitments serving each goal', () => {
    const progress = { commitments: [{ commitmentId: 'comp0001', progress: 80 }, { commitmentId: 'comp0002', progress: 20 }] } as PlanProgress;
    const r = odsRollup([version(1, ['6.1', '16.10']), version(2, ['16.10'])], progress);
    expect(r.goals.map((g) => [g.number, g.progress])).toEqual([
      [6, 80],
      [16, 50],
    ]);
  });
});
