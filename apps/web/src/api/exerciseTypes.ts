import type {
  ActionPlan,
  ActivityStatus,
  ActivityTracking,
  AwarenessEvent,
  CommitmentVersion,
  DocumentRef,
  DueReminder,
  Exercise,
  ExerciseMember,
  ExercisePhase,
  ExerciseStage,
  FinalEvaluation,
  MesaStatus,
  OdsRollup,
  OgpCompletionLevel,
  ParticipantKit,
  ParticipantSector,
  PhaseState,
  PlanApproval,
  PlanProgress,
  PublicMember,
  SeatCapacity,
  Signatory,
  SixMonthMonitoring,
  Stamp,
  StmSector,
} from '@cocrea/domain';

/**
 * The shapes of the exercise routes (docs/api-exercise.md), written out here because the web app
 * never imports the server: `GET /api/exercises/:id` (staff and STM) and
 * `GET /api/public/exercises/:id` (anyone).
 */

/** An exercise as stored: the domain's record and when its micrositio went public. */
export type ExerciseRecord = Exercise & { published: Stamp | null };

/** An integrante as staff see them: contact and the account that acts as them. */
export type StaffMember = ExerciseMember & { accountId: string | null };

/** An integrante as the STM sees them (no contact, no account). */
export type ViewMember = StaffMember | PublicMember;

/** Whether the view carries contacts and accounts (staff) or not (STM). */
export function hasContact(m: ViewMember): m is StaffMember {
  return 'contact' in m;
}

/** A mesa of the exercise with its kit. */
export interface ExerciseMesa {
  id: string;
  title: string;
  topic: string;
  description: string;
  status: MesaStatus;
  finalizedCommitments: number;
  kit: ParticipantKit | null;
}

/** A recorded approval and the account that gave it. */
export type StoredApproval = PlanApproval & { accountId: string | null };

/** `GET /api/exercises/:id`: everything stored and what the domain derives from it as of `today`. */
export interface ExerciseView {
  exercise: ExerciseRecord;
  today: string;
  overview: { stage: ExerciseStage; phases: PhaseState[] };
  /** What the STM lacks for the minimum composition, then seats without a suplente. */
  stmGaps?: string[];
  /** The integrante the signed-in account acts as (an STM seat holder approves as them), if any. */
  me: { memberId: string } | null;
  members: ViewMember[];
  mesas: ExerciseMesa[];
  pam: ActionPlan | null;
  commitments: CommitmentVersion[];
  approvals: StoredApproval[];
  publicationGaps: string[];
  tracking: ActivityTracking[];
  progress: PlanProgress | null;
  monitoring: SixMonthMonitoring | null;
  evaluation: FinalEvaluation | null;
  discrepancies: string[];
  reminders: DueReminder[];
  ods: OdsRollup | null;
}

/** A stamp as the public sees it: the name, no id. */
export interface PublicStamp {
  by: { name: string };
  at: string;
}

/** A document with where to get it (an uploaded file's public URL, or the link). */
export type PublicDocument = DocumentRef & { url: string };

/** A seat holder as the micrositio names them. */
export interface PublicPerson {
  name: string;
  kind: 'persona' | 'organizacion';
  sector: ParticipantSector;
  sectorLabel: string;
  organization: string;
  position: string;
}

/** An event of the exercise on the micrositio. */
export interface PublicEvent {
  id: string;
  title: string;
  date: string;
  place: string;
  description: string;
  evidence: PublicDocument[];
}

/** A sensibilización event on the micrositio (how many joined, not who). */
export type PublicAwarenessEvent = PublicEvent & Pick<AwarenessEvent, 'convenedBy' | 'audience' | 'attendance'> & { joinedCount: number };

/** A piece of evidence on the micrositio. */
export interface PublicEvidence {
  id: string;
  date: string;
  description: string;
  meansOfVerification: string;
  document: PublicDocument;
  added: PublicStamp;
}

/** One activity on the tablero. */
export interface TableroActivity {
  id: string;
  number: number;
  description: string;
  responsible: string;
  startDate: string;
  endDate: string;
  status: ActivityStatus;
  statusLabel: string;
  progress: number;
  late: boolean;
  lastUpdate: string | null;
  evidence: PublicEvidence[];
}

/** One commitment on the tablero. */
export interface TableroCommitment {
  commitmentId: string;
  version: number;
  title: string;
  progress: number;
  level: OgpCompletionLevel;
  levelLabel: string;
  evidence: number;
  lastEvidenceDate: string | null;
  activities: TableroActivity[];
}

/** The tablero de seguimiento. */
export interface Tablero {
  progress: number;
  level: OgpCompletionLevel;
  levelLabel: string;
  commitments: TableroCommitment[];
}

/** One open-data table and where to download it. */
export interface OpenDataLink {
  name: string;
  title: string;
  rows: number;
  json: string;
  csv: string;
}

/** A published kit on the micrositio. */
export interface PublicKit {
  mesa: { id: string; title: string; topic: string; description: string };
  publicProblem: string;
  consultation: { title: string; date: string | null; document: PublicDocument | null } | null;
  items: { id: string; title: string; description: string; moment: 'antes' | 'durante'; document: PublicDocument; added: PublicStamp }[];
  publishedAt: string;
}

/** `GET /api/public/exercises/:id`: the micrositio of a published exercise. */
export interface PublicExerciseView {
  exercise: { id: string; municipality: string; title: string; period: { startDate: string; endDate: string }; schedule: Exercise['schedule']; publishedAt: string | null };
  today: string;
  stage: ExerciseStage;
  phases: PhaseState[];
  declaration: { place: string; signatories: Signatory[]; document: PublicDocument | null } | null;
  launchForum: PublicEvent | null;
  awarenessEvents: PublicAwarenessEvent[];
  planLaunchEvent: PublicEvent | null;
  stm: {
    installedOn: string | null;
    complete: boolean;
    seats: { id: string; sector: StmSector; sectorLabel: string; titular: PublicPerson | null; suplente: PublicPerson | null }[];
    facilitator: PublicPerson | null;
    governanceRules: PublicDocument | null;
    annualAgenda: PublicDocument | null;
  };
  pam: {
    plan: Omit<ActionPlan, 'created' | 'approved' | 'published'> & { created: PublicStamp; approved: PublicStamp | null; published: PublicStamp | null };
    commitments: (Omit<CommitmentVersion, 'finalized'> & { finalized: PublicStamp })[];
    approvals: { sector: StmSector; sectorLabel: string; capacity: SeatCapacity; name: string; approvedAt: string; note: string }[];
  } | null;
  tablero: Tablero | null;
  monitoring: (Omit<SixMonthMonitoring, 'recorded'> & { recorded: PublicStamp }) | null;
  evaluation: (Omit<FinalEvaluation, 'recorded'> & { recorded: PublicStamp }) | null;
  discrepancies: string[];
  ods: OdsRollup | null;
  kits: PublicKit[];
  openData?: OpenDataLink[];
}

/** A published exercise in the micrositio's list. */
export interface PublicExerciseSummary {
  id: string;
  municipality: string;
  title: string;
  period: { startDate: string; endDate: string };
  stage?: ExerciseStage;
}

export type { ExercisePhase };
