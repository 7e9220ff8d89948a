import {
  completionDiscrepancies,
  dueReminders,
  exerciseOverview,
  odsRollup,
  planProgress,
  publicationGaps,
  publicMember,
  stmGaps,
  stmSuplenteGaps,
  type DueReminder,
  type OdsRollup,
  type PlanProgress,
} from '@cocrea/domain';
import type { LoadedExercise } from './exerciseRecords';

/**
 * What staff and the STM see of an exercise (`GET /api/exercises/:id`): everything stored, and
 * everything the domain derives from it as of `today` — the phase overview with what each phase
 * lacks, what publishing the PAM still needs, the tracking's roll-up, reminders and the ODS
 * roll-up. Integrantes' contacts and linked accounts only with `contacts`.
 */
export function exerciseView(l: LoadedExercise, today: string, opts: { contacts: boolean; viewerAccountId?: string | undefined }) {
  const mine = opts.viewerAccountId ? l.members.find((m) => m.accountId === opts.viewerAccountId) : undefined;
  const { plan, versions, tracking } = l;
  const progress: PlanProgress | null = plan ? planProgress(plan, versions, tracking) : null;
  const reminders: DueReminder[] = plan ? dueReminders(plan, l.monitoring, l.evaluation, today) : [];
  const ods: OdsRollup | null = versions.length > 0 ? odsRollup(versions, progress ?? undefined) : null;
  return {
    exercise: l.exercise,
    today,
    overview: exerciseOverview(l.records, today),
    /** What the STM lacks for the guide's minimum composition (`stmGaps`), then seats without a suplente. */
    stmGaps: [...stmGaps(l.exercise.stm, l.members), ...stmSuplenteGaps(l.exercise.stm)],
    /** The integrante the viewing account acts as (an STM seat holder approves the PAM as them), if any. */
    me: mine ? { memberId: mine.id } : null,
    members: opts.contacts ? l.members : l.members.map(({ accountId: _accountId, ...m }) => publicMember(m)),
    mesas: l.mesas.map((m) => ({ id: m.id, title: m.title, topic: m.topic, description: m.description, status: m.status, finalizedCommitments: m.finalizedCommitments, kit: m.kit })),
    pam: plan,
    commitments: versions,
    approvals: l.approvals,
    publicationGaps: plan && plan.status !== 'publicado' ? publicationGaps(plan, l.exercise.stm, l.members, l.approvals) : [],
    tracking,
    progress,
    monitoring: l.monitoring,
    evaluation: l.evaluation,
    discrepancies: l.evaluation && progress ? completionDiscrepancies(l.evaluation, progress) : [],
    reminders,
    ods,
  };
}

/** The answer of `GET /api/exercises/:id`. */
export type ExerciseView = ReturnType<typeof exerciseView>;
