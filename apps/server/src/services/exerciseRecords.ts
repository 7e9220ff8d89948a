import type {
  ActionPlan,
  ActivityTracking,
  CommitmentVersion,
  ExerciseRecords,
  FinalEvaluation,
  MesaSummary,
  SixMonthMonitoring,
} from '@cocrea/domain';
import { exerciseErrors } from '../http/exerciseErrors';
import type { ExerciseRecord, StoredApproval, StoredMember } from '../storage/ExerciseStorage';
import type { MesaRecord, Storage } from '../storage/Storage';

/** The repositories the exercise services read and write. */
export type ExerciseStores = Pick<Storage, 'exercises' | 'files' | 'kits' | 'planRecords' | 'plans' | 'mesas' | 'commitments' | 'accounts'>;

/** A mesa of the exercise: the stored mesa and what the phase rules read of it. */
export type ExerciseMesa = MesaRecord & MesaSummary;

/** Everything stored about one exercise, and the same as the domain's {@link ExerciseRecords}. */
export interface LoadedExercise {
  exercise: ExerciseRecord;
  members: StoredMember[];
  mesas: ExerciseMesa[];
  plan: ActionPlan | null;
  /** The finalized versions the plan names, in plan order. */
  versions: CommitmentVersion[];
  approvals: StoredApproval[];
  tracking: ActivityTracking[];
  monitoring: SixMonthMonitoring | null;
  evaluation: FinalEvaluation | null;
  records: ExerciseRecords;
}

/** The versions a plan names, in plan order. */
export async function planVersionsOf(stores: Pick<ExerciseStores, 'commitments'>, plan: ActionPlan): Promise<CommitmentVersion[]> {
  const versions = await Promise.all(plan.entries.map((e) => stores.commitments.version(e.commitmentId, e.version)));
  return versions.filter((v): v is CommitmentVersion => v !== undefined);
}

/** Reads one exercise whole, or answers 404. */
export async function loadExercise(stores: ExerciseStores, id: string): Promise<LoadedExercise> {
  const exercise = await stores.exercises.get(id);
  if (!exercise) throw exerciseErrors.exerciseNotFound();
  const [members, mesaIds, plan] = await Promise.all([
    stores.exercises.members(id),
    stores.kits.mesasOf(id),
    exercise.planId ? stores.plans.get(exercise.planId) : Promise.resolve(undefined),
  ]);
  const mesas = await Promise.all(
    mesaIds.map(async (mesaId): Promise<ExerciseMesa | null> => {
      const [mesa, commitments, kit] = await Promise.all([stores.mesas.get(mesaId), stores.commitments.byMesa(mesaId), stores.kits.kit(mesaId)]);
      return mesa ? { ...mesa, finalizedCommitments: commitments.filter((c) => c.version > 0).length, kit } : null;
    }),
  );
  const [versions, approvals, tracking, monitoring, evaluation] = plan
    ? await Promise.all([
        planVersionsOf(stores, plan),
        stores.planRecords.approvals(plan.id),
        stores.planRecords.tracking(plan.id),
        stores.planRecords.monitoring(plan.id),
        stores.planRecords.evaluation(plan.id),
      ])
    : [[], [], [], null, null];
  const present = mesas.filter((m): m is ExerciseMesa => m !== null);
  return {
    exercise,
    members,
    mesas: present,
    plan: plan ?? null,
    versions,
    approvals,
    tracking,
    monitoring,
    evaluation,
    records: { exercise, members, mesas: present, plan: plan ?? null, versions, approvals, tracking, monitoring, evaluation },
  };
}
