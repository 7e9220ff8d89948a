import { describe, expect, it } from 'vitest';
import { sampleCommitmentVersion, samplePlan } from './fixtures';
import { commitmentProgress, displayProgress, ogpCompletionLevel, planProgress, planVersions } from './progress';
import { newActivityTracking, type ActivityStatus, type ActivityTracking } from './tracking';

const track = (commitmentId: string, activityId: string, progress: number, status: ActivityStatus = progress >= 100 ? 'concluida' : progress > 0 ? 'en_proceso' : 'no_iniciada', planId = 'pamToluca27'): ActivityTracking => ({
  ...newActivityTracking(planId, commitmentId, activityId),
  progress,
  status,
});

describe('ogpCompletionLevel', () => {
  it('maps progress to the IRM levels at 0, under half, from half and 100', () => {
    expect([0, 0.1, 49.9, 50, 99.9, 100].map(ogpCompletionLevel)).toEqual(['no_iniciado', 'limitado', 'limitado', 'sustancial', 'sustancial', 'completo']);
    expect(ogpCompletionLevel(Number.NaN)).toBe('no_iniciado');
  });
});

describe('displayProgress', () => {
  it('shows one decimal without ever rounding to a false 0 or 100', () => {
    expect(displayProgress(78.333)).toBe(78.3);
    expect(displayProgress(99.97)).toBe(99.9);
    expect(displayProgress(0.02)).toBe(0.1);
    expect(displayProgress(100)).toBe(100);
    expect(displayProgress(0)).toBe(0);
  });
});

describe('commitmentProgress', () => {
  const v = sampleCommitmentVersion(1);

  it('averages the roadmap activities, counting unreported ones as 0 %', () => {
    const p = commitmentProgress(v, [track('comp0001', 'a1-1', 100), track('comp0001', 'a1-2', 50)]);
    expect(p.progress).toBe(50);
    expect(p.level).toBe('sustancial');
    expect(p.byStatus).toEqual({ no_iniciada: 1, en_proceso: 1, concluida: 1, cancelada: 0 });
    expect(p.activities).toBe(3);
  });

  it('keeps a cancelled activity in the average at the progress it reached', () => {
    const p = commitmentProgress(v, [track('comp0001', 'a1-1', 100), track('comp0001', 'a1-2', 100), track('comp0001', 'a1-3', 20, 'cancelada')]);
    expect(p.progress).toBe(220 / 3);
    expect(p.level).toBe('sustancial');
    expect(p.byStatus.cancelada).toBe(1);
  });

  it('is complete only when every activity is', () => {
    const all = ['a1-1', 'a1-2', 'a1-3'].map((a) => track('comp0001', a, 100));
    expect(commitmentProgress(v, all).level).toBe('completo');
  });

  it('ignores other commitments and activities that left the roadmap, and counts evidence', () => {
    const t = track('comp0001', 'a1-1', 40);
    t.evidence = [
      { id: 'e1', date: '2027-03-01', description: 'x', meansOfVerification: 'm', document: { kind: 'enlace', url: 'https://a.example.org', title: 'a' }, added: { by: { id: 'u', name: 'U' }, at: '2027-03-01T00:00:00Z' } },
      { id: 'e2', date: '2027-04-02', description: 'y', meansOfVerification: 'm', document: { kind: 'enlace', url: 'https://b.example.org', title: 'b' }, added: { by: { id: 'u', name: 'U' }, at: '2027-04-02T00:00:00Z' } },
    ];
    const p = commitmentProgress(v, [t, track('comp0002', 'a1-2', 100), track('comp0001', 'gone', 100)]);
    expect(p.progress).toBeCloseTo(40 / 3);
    expect(p.evidence).toBe(2);
    expect(p.lastEvidenceDate).toBe('2027-04-02');
  });

  it('is 0 % for a roadmap without activities', () => {
    const empty = structuredClone(v);
    empty.content.roadmap.activities = [];
    expect(commitmentProgress(empty, [])).toMatchObject({ progress: 0, level: 'no_iniciado', activities: 0 });
  });
});

describe('planProgress', () => {
  it('averages commitments in the plan order, only the versions the plan names, only its own tracking', () => {
    const { plan, versions } = samplePlan(2);
    const stale = { ...sampleCommitmentVersion(1), version: 9 };
    const tracking = [
      ...['a1-1', 'a1-2', 'a1-3'].map((a) => track('comp0001', a, 100)),
      track('comp0002', 'a2-1', 60),
      track('comp0002', 'a2-2', 100, 'concluida', 'otroPam'),
    ];
    const p = planProgress(plan, [stale, ...versions], tracking);
    expect(p.commitments.map((c) => [c.commitmentId, c.progress])).toEqual([
      ['comp0001', 100],
      ['comp0002', 20],
    ]);
    expect(p.progress).toBe(60);
    expect(p.level).toBe('sustancial');
  });

  it('leaves out an entry whose version is not given', () => {
    const { plan, versions } = samplePlan(2);
    expect(planVersions(plan, versions.slice(1)).map((v) => v.content.commitment.id)).toEqual(['comp0002']);
    expect(planProgress({ ...plan, entries: [] }, versions, [])).toMatchObject({ progress: 0, level: 'no_iniciado', commitments: [] });
  });
});
