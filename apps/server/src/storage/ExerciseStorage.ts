import type {
  ActivityTracking,
  AwarenessEvent,
  Evidence,
  Exercise,
  ExerciseEvent,
  ExerciseMember,
  ExercisePhase,
  FinalEvaluation,
  JointDeclaration,
  KitFramingInput,
  KitItem,
  ParticipantKit,
  PhaseWindow,
  PlanApproval,
  ProgressEntry,
  SixMonthMonitoring,
  Stamp,
  Stm,
} from '@cocrea/domain';

/**
 * The year-long exercise as stored (docs/exercise.md): the exercise with its declaration, events
 * and STM; the registry of integrantes; files; the mesas of the exercise and their kits; and the
 * append-only records of its PAM. Both backends implement every interface here and pass
 * `contract/exercise*Contract.ts`.
 */

/** An exercise as stored: the domain's record, and when its micrositio went public. */
export interface ExerciseRecord extends Exercise {
  /** Who made the micrositio public, and when; `null` while only staff see the exercise. */
  published: Stamp | null;
}

/** An integrante, and the cocrea account that acts as them (to approve a PAM for their seat). */
export type StoredMember = ExerciseMember & { accountId: string | null };

/** What creating an exercise stores. */
export interface NewExercise {
  id: string;
  municipality: string;
  title: string;
  period: { startDate: string; endDate: string };
  created: Stamp;
}

/** Which event of the exercise: the launch forum, a sensibilización event, the PAM's public launch. */
export type ExerciseEventKind = 'foro_arranque' | 'sensibilizacion' | 'lanzamiento_pam';

/** Raised when a write would duplicate what must be unique (an exercise's period, a monitoring, a progress step). */
export class RecordConflictError extends Error {
  override readonly name = 'RecordConflictError';
  constructor(what: string) {
    super(`conflicting record: ${what}`);
  }
}

/** Exercises and their registry of integrantes. */
export interface ExerciseRepository {
  /** Rejects with {@link RecordConflictError} when the municipality already has an exercise for that period. */
  create(e: NewExercise): Promise<ExerciseRecord>;
  get(id: string): Promise<ExerciseRecord | undefined>;
  /** Newest first. */
  list(): Promise<ExerciseRecord[]>;
  setSchedule(id: string, schedule: Partial<Record<ExercisePhase, PhaseWindow>>): Promise<void>;
  /** Replaces the declaration and its signatories, atomically. */
  setDeclaration(id: string, declaration: JointDeclaration): Promise<void>;
  /**
   * Inserts or replaces (by id) an event. There is at most one launch forum and one PAM launch per
   * exercise; a second of either kind under another id is rejected.
   */
  saveEvent(exerciseId: string, kind: ExerciseEventKind, event: ExerciseEvent | AwarenessEvent): Promise<void>;
  /** Replaces the STM: its dates, documents, facilitator and seats, atomically. */
  setStm(id: string, stm: Stm): Promise<void>;
  /** Makes the micrositio public. */
  publish(id: string, stamp: Stamp): Promise<void>;
  /** Inserts or replaces (by id) an integrante; an account acts as at most one integrante per exercise. */
  saveMember(exerciseId: string, member: StoredMember): Promise<void>;
  /** Oldest first. */
  members(exerciseId: string): Promise<StoredMember[]>;
}

/** What is known of a stored file without reading its bytes. */
export interface StoredFileInfo {
  sha256: string;
  mediaType: string;
  size: number;
}

/** A stored file with its bytes. */
export interface StoredFile extends StoredFileInfo {
  data: Uint8Array;
}

/** Files (evidence, signed acts, kit documents), stored once under their SHA-256. */
export interface FileRepository {
  /**
   * Stores the bytes unless a file with that SHA-256 is stored already (then the stored one, and
   * its media type, stand) and records that `exerciseId` holds it. Returns what is stored.
   */
  put(file: { sha256: string; mediaType: string; data: Uint8Array }, exerciseId: string, uploaded: Stamp): Promise<StoredFileInfo>;
  /** The file, if `exerciseId` holds it. */
  info(exerciseId: string, sha256: string): Promise<StoredFileInfo | undefined>;
  /** The file and its bytes. */
  read(sha256: string): Promise<StoredFile | undefined>;
}

/** The mesas of an exercise and their participant kits. */
export interface KitRepository {
  /** Makes a mesa part of an exercise; a mesa belongs to one exercise (rejects otherwise). */
  linkMesa(exerciseId: string, mesaId: string, at: string): Promise<void>;
  /** Mesa ids, in the order they were linked. */
  mesasOf(exerciseId: string): Promise<string[]>;
  exerciseOf(mesaId: string): Promise<string | undefined>;
  /** The kit of a linked mesa; `null` while it has neither framing nor documents. */
  kit(mesaId: string): Promise<ParticipantKit | null>;
  setFraming(mesaId: string, framing: KitFramingInput): Promise<void>;
  addItem(mesaId: string, item: KitItem): Promise<void>;
  publish(mesaId: string, stamp: Stamp): Promise<void>;
}

/** A recorded approval and the account that gave it. */
export type StoredApproval = PlanApproval & { accountId: string | null };

/** One progress step of an activity, with the evidence it brought. */
export interface ProgressStep {
  planId: string;
  commitmentId: string;
  activityId: string;
  /** 0 for the first step of the activity, then 1, 2…: two steps can never claim the same place. */
  step: number;
  entry: ProgressEntry;
  evidence: Evidence[];
}

/** The append-only records of a PAM: the STM's approvals, tracking, monitoring and evaluation. */
export interface PlanRecordRepository {
  addApproval(a: StoredApproval): Promise<void>;
  /** Oldest first. */
  approvals(planId: string): Promise<StoredApproval[]>;
  /** Rejects with {@link RecordConflictError} when that step of the activity is already recorded. */
  appendProgress(step: ProgressStep): Promise<void>;
  /** Every activity with at least one step: status and progress of its last step, its evidence and history. */
  tracking(planId: string): Promise<ActivityTracking[]>;
  /** Rejects with {@link RecordConflictError} when the plan's monitoring is already recorded. */
  saveMonitoring(m: SixMonthMonitoring): Promise<void>;
  monitoring(planId: string): Promise<SixMonthMonitoring | null>;
  /** Rejects with {@link RecordConflictError} when the plan's evaluation is already recorded. */
  saveEvaluation(e: FinalEvaluation): Promise<void>;
  evaluation(planId: string): Promise<FinalEvaluation | null>;
}
