import type {
  ActionPlan,
  Commitment,
  CommitmentReview,
  CommitmentVersion,
  Mesa,
  MesaInput,
  MesaStatus,
  PlanEntry,
  SolutionAlternative,
  Stamp,
} from '@cocrea/domain';
import type { AccountRepository, AuditLog, InvitationRepository, MemberRepository, ParticipantRepository } from './AccessStorage';
import type { DocumentStore } from './DocumentStore';
import type { ExerciseRepository, FileRepository, KitRepository, PlanRecordRepository } from './ExerciseStorage';

/** A mesa as stored: the domain's {@link Mesa} and its access switches. */
export type MesaRecord = Mesa & {
  /** Whether the join link lets new participants in. */
  joinOpen: boolean;
  /** A closed mesa is read-only for staff and refuses participants. */
  status: MesaStatus;
};

/** A finalized version's headline, without its whole snapshot. */
export interface VersionSummary {
  version: number;
  contentHash: string;
  finalized: Stamp;
}

/** Mesas as records. Creating one also writes its seeded documents, atomically. */
export interface MesaRepository {
  /** Inserts a mesa (join link open, status `abierta`) and, in the same transaction, the initial snapshots of its documents. */
  create(id: string, input: MesaInput, createdAt: string, documents: ReadonlyMap<string, Uint8Array>): Promise<MesaRecord>;
  get(id: string): Promise<MesaRecord | undefined>;
  /** Newest first; only the mesas in `ids` when given. */
  list(limit?: number, ids?: readonly string[]): Promise<MesaRecord[]>;
  /** Opens or closes the join link, closes or reopens the mesa; `undefined` when there is no such mesa. */
  update(id: string, changes: { joinOpen?: boolean; status?: MesaStatus }): Promise<MesaRecord | undefined>;
}

/**
 * Alternatives, commitments and their finalized versions. A version is written once, with its
 * activities, indicators, ODS targets and agreed tree as rows of their own; the database refuses
 * any later UPDATE or DELETE of them.
 */
export interface CommitmentRepository {
  addAlternative(a: SolutionAlternative): Promise<void>;
  /** Oldest first. */
  alternatives(mesaId: string): Promise<SolutionAlternative[]>;
  /** Inserts a preliminary commitment and its seeded roadmap document snapshot, atomically. */
  create(c: Commitment, roadmapName: string, roadmapState: Uint8Array): Promise<void>;
  get(id: string): Promise<Commitment | undefined>;
  /** Oldest first. */
  byMesa(mesaId: string): Promise<Commitment[]>;
  /** `true` while any commitment of the mesa is finalized and not reopened. */
  treeLocked(mesaId: string): Promise<boolean>;
  /** Records a review (status `revisado`). */
  saveReview(id: string, review: CommitmentReview): Promise<void>;
  /** Status `definitivo`. */
  makeDefinitive(id: string, stamp: Stamp): Promise<void>;
  /** Writable again, status `definitivo`, stamped with who reopened it; releases its document locks. */
  reopen(id: string, stamp: Stamp): Promise<void>;
  /** Stores a version with its structured rows and locks the commitment, in one transaction. */
  finalize(v: CommitmentVersion): Promise<void>;
  /** Oldest first. */
  versions(id: string): Promise<VersionSummary[]>;
  version(id: string, version: number): Promise<CommitmentVersion | undefined>;
}

/** *Planes de Acción Municipal* and the commitment versions they include. */
export interface ActionPlanRepository {
  create(p: { id: string; title: string; municipality: string; launchDate: string | null; created: Stamp }): Promise<ActionPlan>;
  get(id: string): Promise<ActionPlan | undefined>;
  /** Every plan, or only those with `status`; newest first. */
  list(status?: ActionPlan['status']): Promise<ActionPlan[]>;
  update(id: string, changes: { title?: string; municipality?: string; launchDate?: string }): Promise<void>;
  /** Adds a commitment, or moves it to another version; appended at the end. */
  setEntry(planId: string, entry: PlanEntry): Promise<void>;
  removeEntry(planId: string, commitmentId: string): Promise<void>;
  setStatus(id: string, status: 'aprobado' | 'publicado', stamp: Stamp): Promise<void>;
  /** Makes the plan the PAM of an exercise; rejects when the exercise already has one. */
  setExercise(planId: string, exerciseId: string): Promise<void>;
  /** The exercise the plan belongs to, or `null`. */
  exerciseOf(planId: string): Promise<string | null>;
}

/** Everything cocrea persists, behind one interface per concern; SQLite or PostgreSQL. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly documents: DocumentStore;
  readonly mesas: MesaRepository;
  readonly commitments: CommitmentRepository;
  readonly plans: ActionPlanRepository;
  readonly accounts: AccountRepository;
  readonly invitations: InvitationRepository;
  readonly members: MemberRepository;
  readonly participants: ParticipantRepository;
  readonly audit: AuditLog;
  /** The year-long exercise (docs/exercise.md): `ExerciseStorage.ts`. */
  readonly exercises: ExerciseRepository;
  readonly files: FileRepository;
  readonly kits: KitRepository;
  readonly planRecords: PlanRecordRepository;
  close(): Promise<void>;
}
