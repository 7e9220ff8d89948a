import type { ActionPlan, Commitment, CommitmentReview, CommitmentVersion, MesaInput, MesaStatus, PlanEntry, SolutionAlternative, Stamp } from '@cocrea/domain';
import type { AccountRepository, AuditLog, InvitationRepository, MemberRepository, ParticipantRepository } from '../AccessStorage';
import { ActionPlanStore } from '../ActionPlanStore';
import { CommitmentStore } from '../CommitmentStore';
import { openDatabase, type Db } from '../database';
import { MesaStore } from '../MesaStore';
import { SqliteDocumentStore } from '../SqliteDocumentStore';
import type { AppendResult, DocumentStore, LogEntry, StoredDocument } from '../DocumentStore';
import type { ExerciseRepository, FileRepository, KitRepository, PlanRecordRepository } from '../ExerciseStorage';
import type { ActionPlanRepository, CommitmentRepository, MesaRecord, MesaRepository, Storage, VersionSummary } from '../Storage';
import { SqliteAccountRepository } from './SqliteAccountRepository';
import { SqliteAuditLog } from './SqliteAuditLog';
import { SqliteExerciseRepository, SqliteFileRepository, SqliteKitRepository, SqlitePlanRecordRepository } from './SqliteExerciseRepositories';
import { SqliteInvitationRepository } from './SqliteInvitationRepository';
import { SqliteMemberRepository, SqliteParticipantRepository } from './SqliteMesaAccess';

/**
 * Runs a synchronous store call as a promise, so a thrown error (a constraint, a trigger) becomes
 * a rejection exactly where the PostgreSQL backend would reject.
 */
function run<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/**
 * The SQLite document store as the contract wants it: failures as rejections (the store throws
 * synchronously), and `merge` given exactly snapshot + tail (the store's read carries `lastSeq`).
 */
class SqliteDocuments implements DocumentStore {
  constructor(private readonly store: SqliteDocumentStore) {}
  load(name: string): Promise<StoredDocument> {
    return run(() => this.store.load(name));
  }
  appendUpdates(entries: readonly LogEntry[]): Promise<AppendResult> {
    return run(() => this.store.appendUpdates(entries));
  }
  lockDocuments(names: readonly string[], commitmentId: string): Promise<void> {
    return run(() => this.store.lockDocuments(names, commitmentId));
  }
  unlockDocuments(commitmentId: string): Promise<void> {
    return run(() => this.store.unlockDocuments(commitmentId));
  }
  lockedDocuments(names: readonly string[]): Promise<Set<string>> {
    return run(() => this.store.lockedDocuments(names));
  }
  problem(): string | null {
    return this.store.problem();
  }
  tailLength(name: string): Promise<number> {
    return run(() => this.store.tailLength(name));
  }
  compact(name: string, merge: (doc: StoredDocument) => Uint8Array | Promise<Uint8Array>): Promise<number> {
    return run(() => this.store.compact(name, merge));
  }
  close(): Promise<void> {
    return this.store.close();
  }
}

class SqliteMesaRepository implements MesaRepository {
  constructor(private readonly store: MesaStore) {}
  create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): Promise<MesaRecord> {
    return run(() => this.store.create(id, input, createdAt, documents));
  }
  get(id: string): Promise<MesaRecord | undefined> {
    return run(() => this.store.get(id));
  }
  list(limit?: number, ids?: readonly string[]): Promise<MesaRecord[]> {
    return run(() => this.store.list(limit, ids));
  }
  update(id: string, changes: { joinOpen?: boolean; status?: MesaStatus }): Promise<MesaRecord | undefined> {
    return run(() => this.store.update(id, changes));
  }
}

class SqliteCommitmentRepository implements CommitmentRepository {
  constructor(private readonly store: CommitmentStore) {}
  addAlternative(a: SolutionAlternative): Promise<void> {
    return run(() => this.store.addAlternative(a));
  }
  alternatives(mesaId: string): Promise<SolutionAlternative[]> {
    return run(() => this.store.alternatives(mesaId));
  }
  create(c: Commitment, roadmapName: string, roadmapState: Uint8Array): Promise<void> {
    return run(() => this.store.create(c, roadmapName, roadmapState));
  }
  get(id: string): Promise<Commitment | undefined> {
    return run(() => this.store.get(id));
  }
  byMesa(mesaId: string): Promise<Commitment[]> {
    return run(() => this.store.byMesa(mesaId));
  }
  treeLocked(mesaId: string): Promise<boolean> {
    return run(() => this.store.treeLocked(mesaId));
  }
  saveReview(id: string, review: CommitmentReview): Promise<void> {
    return run(() => this.store.saveReview(id, review));
  }
  makeDefinitive(id: string, stamp: Stamp): Promise<void> {
    return run(() => this.store.makeDefinitive(id, stamp));
  }
  reopen(id: string, stamp: Stamp): Promise<void> {
    return run(() => this.store.reopen(id, stamp));
  }
  finalize(v: CommitmentVersion): Promise<void> {
    return run(() => this.store.finalize(v));
  }
  versions(id: string): Promise<VersionSummary[]> {
    return run(() => this.store.versions(id));
  }
  version(id: string, version: number): Promise<CommitmentVersion | undefined> {
    return run(() => this.store.version(id, version));
  }
}

class SqliteActionPlanRepository implements ActionPlanRepository {
  constructor(private readonly store: ActionPlanStore) {}
  create(p: { id: string; title: string; municipality: string; launchDate: string | null; created: Stamp }): Promise<ActionPlan> {
    return run(() => this.store.create(p));
  }
  get(id: string): Promise<ActionPlan | undefined> {
    return run(() => this.store.get(id));
  }
  list(status?: ActionPlan['status']): Promise<ActionPlan[]> {
    return run(() => this.store.list(status));
  }
  update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): Promise<void> {
    return run(() => this.store.update(id, changes));
  }
  setEntry(planId: string, entry: PlanEntry): Promise<void> {
    return run(() => this.store.setEntry(planId, entry));
  }
  removeEntry(planId: string, commitmentId: string): Promise<void> {
    return run(() => this.store.removeEntry(planId, commitmentId));
  }
  setStatus(id: string, status: 'aprobado' | 'publicado', stamp: Stamp): Promise<void> {
    return run(() => this.store.setStatus(id, status, stamp));
  }
  setExercise(planId: string, exerciseId: string): Promise<void> {
    return run(() => this.store.setExercise(planId, exerciseId));
  }
  exerciseOf(planId: string): Promise<string | null> {
    return run(() => this.store.exerciseOf(planId));
  }
}

/** {@link Storage} on the embedded SQLite file: the synchronous stores behind async interfaces. */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly documents: DocumentStore;
  private readonly documentStore: SqliteDocuments;
  readonly mesas: MesaRepository;
  readonly commitments: CommitmentRepository;
  readonly plans: ActionPlanRepository;
  readonly accounts: AccountRepository;
  readonly invitations: InvitationRepository;
  readonly members: MemberRepository;
  readonly participants: ParticipantRepository;
  readonly audit: AuditLog;
  readonly exercises: ExerciseRepository;
  readonly files: FileRepository;
  readonly kits: KitRepository;
  readonly planRecords: PlanRecordRepository;
  private closed = false;

  constructor(private readonly db: Db) {
    this.documentStore = new SqliteDocuments(new SqliteDocumentStore(db));
    this.documents = this.documentStore;
    this.mesas = new SqliteMesaRepository(new MesaStore(db));
    this.commitments = new SqliteCommitmentRepository(new CommitmentStore(db));
    this.plans = new SqliteActionPlanRepository(new ActionPlanStore(db));
    this.accounts = new SqliteAccountRepository(db);
    this.invitations = new SqliteInvitationRepository(db);
    this.members = new SqliteMemberRepository(db);
    this.participants = new SqliteParticipantRepository(db);
    this.audit = new SqliteAuditLog(db);
    this.exercises = new SqliteExerciseRepository(db);
    this.files = new SqliteFileRepository(db);
    this.kits = new SqliteKitRepository(db);
    this.planRecords = new SqlitePlanRecordRepository(db);
  }

  /** Stops the log writer thread, then closes the database; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.documentStore.close();
    await run(() => {
      this.db.close();
    });
  }
}

/** Opens (creating and migrating if needed) `cocrea.sqlite` in `dataDir`; see {@link openDatabase}. */
export function openSqliteStorage(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<SqliteStorage> {
  return run(() => new SqliteStorage(openDatabase(dataDir, synchronous)));
}
