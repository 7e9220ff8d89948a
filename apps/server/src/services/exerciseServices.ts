import { ActionPlanService } from './ActionPlanService';
import { systemClock, type Clock } from './exerciseClock';
import { ExerciseFiles } from './ExerciseFiles';
import type { ExerciseStores } from './exerciseRecords';
import { ExerciseService } from './ExerciseService';
import { KitService } from './KitService';
import { PlanApprovalService } from './PlanApprovalService';
import { TrackingService } from './TrackingService';

/** The exercise services, assembled once (by the server, and by `npm run demo` with its own clock). */
export interface ExerciseServices {
  stores: ExerciseStores;
  clock: Clock;
  files: ExerciseFiles;
  exercises: ExerciseService;
  kits: KitService;
  approvals: PlanApprovalService;
  tracking: TrackingService;
  /** The PAM service wired to the STM's approvals: publishing an exercise's PAM checks them. */
  plans: ActionPlanService;
}

/** Builds every exercise service on `stores`, reading the time from `clock`. */
export function createExerciseServices(stores: ExerciseStores, clock: Clock = systemClock): ExerciseServices {
  const files = new ExerciseFiles(stores.files, clock);
  const approvals = new PlanApprovalService(stores, clock);
  return {
    stores,
    clock,
    files,
    exercises: new ExerciseService(stores, files, clock),
    kits: new KitService(stores, files, clock),
    approvals,
    tracking: new TrackingService(stores, files, clock),
    plans: new ActionPlanService(stores.plans, stores.commitments, approvals, clock),
  };
}
