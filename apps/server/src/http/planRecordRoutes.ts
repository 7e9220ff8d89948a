import { Router } from 'express';
import { finalEvaluationInputSchema, monitoringInputSchema, planApprovalInputSchema, progressUpdateInputSchema } from '@cocrea/domain';
import type { ExerciseAudit } from '../services/ExerciseAudit';
import type { ExerciseServices } from '../services/exerciseServices';
import { parseBody } from './errors';
import { checkExercise } from './exerciseGate';

/** What the PAM record routes need. */
export interface PlanRecordRoutesDeps {
  exercise: ExerciseServices;
  exerciseAudit: ExerciseAudit;
}

/**
 * `/api/pams/:id/…` for a PAM that belongs to an exercise: the STM's approvals, the tracking of
 * its activities with evidence, the six-month monitoring and the final evaluation.
 */
export function planRecordRoutes({ exercise: x, exerciseAudit: audit }: PlanRecordRoutesDeps): Router {
  const r = Router();
  const exerciseOf = async (planId: string) => (await x.stores.plans.exerciseOf(planId)) ?? '';

  r.get('/:id/approvals', async (req, res) => {
    checkExercise(res, 'exercise.read');
    res.json(await x.approvals.list(req.params.id));
  });

  r.post('/:id/approvals', async (req, res) => {
    const by = checkExercise(res, 'exercise.approve');
    const result = await x.approvals.approve(req.params.id, by, parseBody(planApprovalInputSchema, req.body));
    const a = result.approval;
    await audit.record(by, 'pam.stm_approval', { exerciseId: await exerciseOf(req.params.id), planId: req.params.id }, {
      approvalId: a.id,
      sector: a.sector,
      capacity: a.capacity,
      memberId: a.memberId,
      entries: a.entries,
      status: result.pam.status,
    });
    res.status(201).json(result);
  });

  r.get('/:id/tracking', async (req, res) => {
    checkExercise(res, 'exercise.read');
    res.json(await x.tracking.tracking(req.params.id));
  });

  r.post('/:id/commitments/:commitmentId/activities/:activityId/updates', async (req, res) => {
    const by = checkExercise(res, 'exercise.track');
    const { id, commitmentId, activityId } = req.params;
    const activity = await x.tracking.report(id, commitmentId, activityId, parseBody(progressUpdateInputSchema, req.body), by);
    const step = activity.history.at(-1);
    await audit.record(by, 'activity.progress', { exerciseId: await exerciseOf(id), planId: id, commitmentId }, {
      activityId,
      from: step?.from ?? null,
      to: step?.to ?? null,
      status: activity.status,
      evidenceIds: step?.evidenceIds ?? [],
    });
    res.status(201).json({ activity });
  });

  r.post('/:id/monitoring', async (req, res) => {
    const by = checkExercise(res, 'exercise.track');
    const monitoring = await x.tracking.recordMonitoring(req.params.id, parseBody(monitoringInputSchema, req.body), by);
    await audit.record(by, 'pam.monitoring', { exerciseId: await exerciseOf(req.params.id), planId: req.params.id }, { monitoringId: monitoring.id, cutoffDate: monitoring.cutoffDate });
    res.status(201).json({ monitoring });
  });

  r.post('/:id/evaluation', async (req, res) => {
    const by = checkExercise(res, 'exercise.track');
    const result = await x.tracking.recordEvaluation(req.params.id, parseBody(finalEvaluationInputSchema, req.body), by);
    await audit.record(by, 'pam.evaluation', { exerciseId: await exerciseOf(req.params.id), planId: req.params.id }, { evaluationId: result.evaluation.id, date: result.evaluation.date });
    res.status(201).json(result);
  });

  return r;
}
