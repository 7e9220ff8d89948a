import type {
  ActivityTracking,
  AwarenessEvent,
  ExerciseEvent,
  ExercisePhase,
  FinalEvaluation,
  JointDeclaration,
  KitFramingInput,
  KitItem,
  ParticipantKit,
  PhaseWindow,
  SixMonthMonitoring,
  Stamp,
  Stm,
} from '@cocrea/domain';
import type { Db } from '../database';
import type {
  ExerciseEventKind,
  ExerciseRecord,
  ExerciseRepository,
  FileRepository,
  KitRepository,
  NewExercise,
  PlanRecordRepository,
  ProgressStep,
  StoredApproval,
  StoredFile,
  StoredFileInfo,
  StoredMember,
} from '../ExerciseStorage';
import { ExerciseStore } from '../ExerciseStore';
import { FileStore } from '../FileStore';
import { KitStore } from '../KitStore';
import { PlanRecordStore } from '../PlanRecordStore';
import { asPromise } from './asPromise';

/** {@link ExerciseRepository} on SQLite. */
export class SqliteExerciseRepository implements ExerciseRepository {
  private readonly store: ExerciseStore;
  constructor(db: Db) {
    this.store = new ExerciseStore(db);
  }
  create(e: NewExercise): Promise<ExerciseRecord> {
    return asPromise(() => this.store.create(e));
  }
  get(id: string): Promise<ExerciseRecord | undefined> {
    return asPromise(() => this.store.get(id));
  }
  list(): Promise<ExerciseRecord[]> {
    return asPromise(() => this.store.list());
  }
  setSchedule(id: string, schedule: Partial<Record<ExercisePhase, PhaseWindow>>): Promise<void> {
    return asPromise(() => this.store.setSchedule(id, schedule));
  }
  setDeclaration(id: string, declaration: JointDeclaration): Promise<void> {
    return asPromise(() => this.store.setDeclaration(id, declaration));
  }
  saveEvent(exerciseId: string, kind: ExerciseEventKind, event: ExerciseEvent | AwarenessEvent): Promise<void> {
    return asPromise(() => this.store.saveEvent(exerciseId, kind, event));
  }
  setStm(id: string, stm: Stm): Promise<void> {
    return asPromise(() => this.store.setStm(id, stm));
  }
  publish(id: string, stamp: Stamp): Promise<void> {
    return asPromise(() => this.store.publish(id, stamp));
  }
  saveMember(exerciseId: string, member: StoredMember): Promise<void> {
    return asPromise(() => this.store.saveMember(exerciseId, member));
  }
  members(exerciseId: string): Promise<StoredMember[]> {
    return asPromise(() => this.store.members(exerciseId));
  }
}

/** {@link FileRepository} on SQLite. */
export class SqliteFileRepository implements FileRepository {
  private readonly store: FileStore;
  constructor(db: Db) {
    this.store = new FileStore(db);
  }
  put(file: { sha256: string; mediaType: string; data: Uint8Array }, exerciseId: string, uploaded: Stamp): Promise<StoredFileInfo> {
    return asPromise(() => this.store.put(file, exerciseId, uploaded));
  }
  info(exerciseId: string, sha256: string): Promise<StoredFileInfo | undefined> {
    return asPromise(() => this.store.info(exerciseId, sha256));
  }
  read(sha256: string): Promise<StoredFile | undefined> {
    return asPromise(() => this.store.read(sha256));
  }
}

/** {@link KitRepository} on SQLite. */
export class SqliteKitRepository implements KitRepository {
  private readonly store: KitStore;
  constructor(db: Db) {
    this.store = new KitStore(db);
  }
  linkMesa(exerciseId: string, mesaId: string, at: string): Promise<void> {
    return asPromise(() => this.store.linkMesa(exerciseId, mesaId, at));
  }
  mesasOf(exerciseId: string): Promise<string[]> {
    return asPromise(() => this.store.mesasOf(exerciseId));
  }
  exerciseOf(mesaId: string): Promise<string | undefined> {
    return asPromise(() => this.store.exerciseOf(mesaId));
  }
  kit(mesaId: string): Promise<ParticipantKit | null> {
    return asPromise(() => this.store.kit(mesaId));
  }
  setFraming(mesaId: string, framing: KitFramingInput): Promise<void> {
    return asPromise(() => this.store.setFraming(mesaId, framing));
  }
  addItem(mesaId: string, item: KitItem): Promise<void> {
    return asPromise(() => this.store.addItem(mesaId, item));
  }
  publish(mesaId: string, stamp: Stamp): Promise<void> {
    return asPromise(() => this.store.publish(mesaId, stamp));
  }
}

/** {@link PlanRecordRepository} on SQLite. */
export class SqlitePlanRecordRepository implements PlanRecordRepository {
  private readonly store: PlanRecordStore;
  constructor(db: Db) {
    this.store = new PlanRecordStore(db);
  }
  addApproval(a: StoredApproval): Promise<void> {
    return asPromise(() => this.store.addApproval(a));
  }
  approvals(planId: string): Promise<StoredApproval[]> {
    return asPromise(() => this.store.approvals(planId));
  }
  appendProgress(step: ProgressStep): Promise<void> {
    return asPromise(() => this.store.appendProgress(step));
  }
  tracking(planId: string): Promise<ActivityTracking[]> {
    return asPromise(() => this.store.tracking(planId));
  }
  saveMonitoring(m: SixMonthMonitoring): Promise<void> {
    return asPromise(() => this.store.saveMonitoring(m));
  }
  monitoring(planId: string): Promise<SixMonthMonitoring | null> {
    return asPromise(() => this.store.monitoring(planId));
  }
  saveEvaluation(e: FinalEvaluation): Promise<void> {
    return asPromise(() => this.store.saveEvaluation(e));
  }
  evaluation(planId: string): Promise<FinalEvaluation | null> {
    return asPromise(() => this.store.evaluation(planId));
  }
}
