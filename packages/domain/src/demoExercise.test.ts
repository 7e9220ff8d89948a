import { describe, expect, it } from 'vitest';
import { validUntil } from './actionPlan';
import { DEMO_TODAY, demoExercise, fakeSha256 } from './demoExercise';
import { documentRefSchema, fileRefSchema } from './documents';
import { monitoringProblems } from './evaluation';
import { awarenessEventInputSchema, declarationInputSchema, eventInputSchema } from './exercise';
import { exerciseOverview } from './exercisePhases';
import { memberInputSchema } from './members';
import { ODS_TARGET_CODES } from './ods';
import { kitGaps } from './participantKit';
import { publicationGaps } from './planApproval';
import { planProgress } from './progress';
import { dueReminders } from './reminders';
import { roadmapProblems } from './roadmap';
import { canonicalJson } from './snapshot';
import { stmGaps } from './stm';

const d = demoExercise();

describe('demoExercise', () => {
  it('is a Metepec exercise eight months into its PAM, every earlier phase complete', () => {
    expect(d.today).toBe(DEMO_TODAY);
    expect(d.plan).toMatchObject({ municipality: 'Metepec', status: 'publicado', launchDate: '2027-02-15', validUntil: validUntil('2027-02-15') });
    const o = exerciseOverview(d.records, d.today);
    expect(o.stage).toBe('seguimiento');
    expect(o.phases.slice(0, 5).every((p) => p.complete)).toBe(true);
  });

  it('has a complete STM whose three sectors approved the PAM', () => {
    expect(stmGaps(d.exercise.stm, d.members)).toEqual([]);
    expect(publicationGaps({ ...d.plan, status: 'aprobado' }, d.exercise.stm, d.members, d.approvals)).toEqual([]);
    expect(d.approvals.map((a) => [a.sector, a.capacity])).toEqual([
      ['sociedad_civil', 'titular'],
      ['gobierno_municipal', 'titular'],
      ['organo_garante', 'titular'],
    ]);
  });

  it('holds valid roadmaps, people, events and documents', () => {
    for (const v of d.versions) expect(roadmapProblems(v.content.roadmap, ODS_TARGET_CODES)).toEqual([]);
    for (const { id: _id, ...m } of d.members) expect(memberInputSchema.safeParse(m).error).toBeUndefined();
    expect(declarationInputSchema.safeParse(d.exercise.declaration).error).toBeUndefined();
    expect(eventInputSchema.safeParse(d.exercise.launchForum).error).toBeUndefined();
    expect(eventInputSchema.safeParse(d.exercise.planLaunchEvent).error).toBeUndefined();
    for (const e of d.exercise.awarenessEvents) expect(awarenessEventInputSchema.safeParse(e).error).toBeUndefined();
    for (const m of d.mesas) {
      expect(kitGaps(m.kit)).toEqual([]);
      for (const i of m.kit?.items ?? []) expect(documentRefSchema.safeParse(i.document).error).toBeUndefined();
    }
    const everyEvidence = d.records.tracking.flatMap((t) => t.evidence);
    expect(everyEvidence).toHaveLength(18);
    for (const e of everyEvidence) {
      expect(documentRefSchema.safeParse(e.document).error).toBeUndefined();
      expect(e.date <= d.today && e.date >= (d.plan.launchDate ?? '')).toBe(true);
    }
  });

  it('ships the bytes of every uploaded file it references', () => {
    const shipped = new Set(d.files.map((f) => f.ref.sha256));
    for (const f of d.files) {
      expect(fileRefSchema.safeParse(f.ref).error).toBeUndefined();
      expect(f.ref.sha256).toBe(fakeSha256(f.content));
      expect(f.ref.bytes).toBe(new TextEncoder().encode(f.content).length);
    }
    const referenced = [
      ...d.records.tracking.flatMap((t) => t.evidence.map((e) => e.document)),
      ...d.mesas.flatMap((m) => m.kit?.items.map((i) => i.document) ?? []),
      d.exercise.stm.governanceRules,
      ...(d.exercise.launchForum?.evidence ?? []),
    ].filter((doc) => doc?.kind === 'archivo');
    expect(referenced.length).toBeGreaterThan(10);
    for (const doc of referenced) expect(shipped.has(doc.kind === 'archivo' ? doc.sha256 : '')).toBe(true);
  });

  it('has its six-month monitoring done and the final evaluation still ahead', () => {
    expect(d.records.monitoring?.cutoffDate).toBe('2027-08-15');
    expect(dueReminders(d.plan, d.records.monitoring, null, d.today).map((r) => r.status)).toEqual(['hecha', 'programada']);
    const { id: _i, planId: _p, recorded: _r, ...input } = d.records.monitoring!;
    expect(monitoringProblems({ ...input, commitments: input.commitments.map(({ progress: _x, ...c }) => c) }, d.plan, d.today)).toEqual([]);
  });

  it('shows three levels of progress to chart', () => {
    const p = planProgress(d.plan, d.versions, d.records.tracking);
    expect(p.commitments.map((c) => c.level)).toEqual(['sustancial', 'sustancial', 'limitado']);
    expect(p.level).toBe('sustancial');
  });

  it('moves with the day it is seen from and uses the hash it is given', () => {
    const now = demoExercise({ today: '2026-11-24', sha256: (t) => fakeSha256(`real:${t}`) });
    expect(now.plan.launchDate).toBe('2026-03-24');
    expect(exerciseOverview(now.records, now.today).stage).toBe('seguimiento');
    expect(now.versions[0]?.contentHash).toBe(fakeSha256(`real:${canonicalJson(now.versions[0]?.content)}`));
    expect(now.files[0]?.ref.sha256).toBe(fakeSha256(`real:${now.files[0]?.content ?? ''}`));
    expect(demoExercise()).toEqual(d);
  });
});
