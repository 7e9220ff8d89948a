import {
  ACTIVITY_STATUS_LABELS,
  OGP_COMPLETION_LABELS,
  SECTOR_LABELS,
  completionDiscrepancies,
  displayProgress,
  exerciseOverview,
  membersById,
  odsRollup,
  planProgress,
  planVersions,
  stmGaps,
  type ActionPlan,
  type AwarenessEvent,
  type CommitmentVersion,
  type DocumentRef,
  type Evidence,
  type ExerciseEvent,
  type ExerciseMember,
  type FileRef,
  type Stamp,
} from '@cocrea/domain';
import type { LoadedExercise } from './exerciseRecords';

/**
 * What the public micrositio shows of an exercise (`GET /api/public/exercises/:id`), without
 * signing in: published material only, and nothing private. Integrantes appear only as STM seat
 * holders, by name, organisation and position (no contact, no internal id); stamps keep the name
 * and drop the id; the PAM, its tablero, evidence, reviews and ODS roll-up appear once the PAM is
 * published; a mesa's kit once it is published. Every uploaded file the view names can be
 * downloaded from `fileUrl` — and only those ({@link publicFiles}).
 */

/** A stamp as the public sees it. */
export interface PublicStamp {
  by: { name: string };
  at: string;
}

const stamp = (s: Stamp): PublicStamp => ({ by: { name: s.by.name }, at: s.at });
const stampOrNull = (s: Stamp | null): PublicStamp | null => (s ? stamp(s) : null);

/** An integrante as the micrositio names them. */
export interface PublicPerson {
  name: string;
  kind: ExerciseMember['kind'];
  sector: ExerciseMember['sector'];
  sectorLabel: string;
  organization: string;
  position: string;
}

const person = (m: ExerciseMember | undefined): PublicPerson | null =>
  m ? { name: m.name, kind: m.kind, sector: m.sector, sectorLabel: SECTOR_LABELS[m.sector], organization: m.organization, position: m.position } : null;

/** A document with, for an uploaded file, where to download it. */
export type PublicDocument = DocumentRef & { url: string };

/** Builds public URLs of files. */
export type FileUrl = (file: FileRef) => string;

const doc = (d: DocumentRef, fileUrl: FileUrl): PublicDocument => ({ ...d, url: d.kind === 'archivo' ? fileUrl(d) : d.url });
const docOrNull = (d: DocumentRef | null, fileUrl: FileUrl) => (d ? doc(d, fileUrl) : null);

const event = (e: ExerciseEvent, fileUrl: FileUrl) => ({ id: e.id, title: e.title, date: e.date, place: e.place, description: e.description, evidence: e.evidence.map((d) => doc(d, fileUrl)) });

const awareness = (e: AwarenessEvent, fileUrl: FileUrl) => ({
  ...event(e, fileUrl),
  convenedBy: e.convenedBy,
  audience: e.audience,
  attendance: e.attendance,
  joinedCount: e.joinedMemberIds.length,
});

const evidence = (e: Evidence, fileUrl: FileUrl) => ({
  id: e.id,
  date: e.date,
  description: e.description,
  meansOfVerification: e.meansOfVerification,
  document: doc(e.document, fileUrl),
  added: stamp(e.added),
});

/** A plan without the ids of the people who stamped it. */
const plan = (p: ActionPlan) => ({ ...p, created: stamp(p.created), approved: stampOrNull(p.approved), published: stampOrNull(p.published) });

/** A finalized version without the ids of the people who stamped it. */
const version = (v: CommitmentVersion) => ({
  ...v,
  content: { ...v.content, review: { ...v.content.review, stamp: stamp(v.content.review.stamp) } },
  finalized: stamp(v.finalized),
});

/** The PAM and everything that follows its publication: tablero, evidence, reviews, ODS roll-up. */
function published(l: LoadedExercise, p: ActionPlan, today: string, fileUrl: FileUrl) {
  const byId = membersById(l.members);
  const versions = planVersions(p, l.versions);
  const progress = planProgress(p, versions, l.tracking);
  const tracked = new Map(l.tracking.map((t) => [`${t.commitmentId}/${t.activityId}`, t]));
  return {
    pam: {
      plan: plan(p),
      commitments: versions.map(version),
      approvals: l.approvals.map((a) => ({
        sector: a.sector,
        sectorLabel: SECTOR_LABELS[a.sector],
        capacity: a.capacity,
        name: byId.get(a.memberId)?.name ?? a.approved.by.name,
        approvedAt: a.approved.at,
        note: a.note,
      })),
    },
    tablero: {
      progress: displayProgress(progress.progress),
      level: progress.level,
      levelLabel: OGP_COMPLETION_LABELS[progress.level],
      commitments: versions.map((v) => {
        const c = progress.commitments.find((x) => x.commitmentId === v.content.commitment.id);
        return {
          commitmentId: v.content.commitment.id,
          version: v.version,
          title: v.content.commitment.title,
          progress: displayProgress(c?.progress ?? 0),
          level: c?.level ?? 'no_iniciado',
          levelLabel: OGP_COMPLETION_LABELS[c?.level ?? 'no_iniciado'],
          evidence: c?.evidence ?? 0,
          lastEvidenceDate: c?.lastEvidenceDate ?? null,
          activities: v.content.roadmap.activities.map((a, i) => {
            const t = tracked.get(`${v.content.commitment.id}/${a.id}`);
            const status = t?.status ?? 'no_iniciada';
            return {
              id: a.id,
              number: i + 1,
              description: a.description,
              responsible: a.responsible,
              startDate: a.startDate,
              endDate: a.endDate,
              status,
              statusLabel: ACTIVITY_STATUS_LABELS[status],
              progress: t?.progress ?? 0,
              late: a.endDate < today && status !== 'concluida' && status !== 'cancelada',
              lastUpdate: t?.history.at(-1)?.stamp.at ?? null,
              evidence: (t?.evidence ?? []).map((e) => evidence(e, fileUrl)),
            };
          }),
        };
      }),
    },
    monitoring: l.monitoring && { ...l.monitoring, recorded: stamp(l.monitoring.recorded) },
    evaluation: l.evaluation && { ...l.evaluation, recorded: stamp(l.evaluation.recorded) },
    discrepancies: l.evaluation ? completionDiscrepancies(l.evaluation, progress) : [],
    ods: odsRollup(versions, progress),
  };
}

/** The micrositio of a published exercise, as of `today`. */
export function publicExerciseView(l: LoadedExercise, today: string, fileUrl: FileUrl) {
  const e = l.exercise;
  const byId = membersById(l.members);
  const overview = exerciseOverview(l.records, today);
  const p = l.plan?.status === 'publicado' ? published(l, l.plan, today, fileUrl) : null;
  return {
    exercise: { id: e.id, municipality: e.municipality, title: e.title, period: e.period, schedule: e.schedule, publishedAt: e.published?.at ?? null },
    today,
    stage: overview.stage,
    phases: overview.phases,
    declaration: e.declaration && { place: e.declaration.place, signatories: e.declaration.signatories, document: docOrNull(e.declaration.document, fileUrl) },
    launchForum: e.launchForum && event(e.launchForum, fileUrl),
    awarenessEvents: e.awarenessEvents.map((x) => awareness(x, fileUrl)),
    planLaunchEvent: e.planLaunchEvent && event(e.planLaunchEvent, fileUrl),
    stm: {
      installedOn: e.stm.installedOn,
      complete: stmGaps(e.stm, l.members).length === 0,
      seats: e.stm.seats.map((s) => ({
        id: s.id,
        sector: s.sector,
        sectorLabel: SECTOR_LABELS[s.sector],
        titular: person(s.titularId ? byId.get(s.titularId) : undefined),
        suplente: person(s.suplenteId ? byId.get(s.suplenteId) : undefined),
      })),
      facilitator: person(e.stm.facilitatorId ? byId.get(e.stm.facilitatorId) : undefined),
      governanceRules: docOrNull(e.stm.governanceRules, fileUrl),
      annualAgenda: docOrNull(e.stm.annualAgenda, fileUrl),
    },
    pam: p?.pam ?? null,
    tablero: p?.tablero ?? null,
    monitoring: p?.monitoring ?? null,
    evaluation: p?.evaluation ?? null,
    discrepancies: p?.discrepancies ?? [],
    ods: p?.ods ?? null,
    kits: l.mesas.flatMap((m) =>
      m.kit?.published
        ? [
            {
              mesa: { id: m.id, title: m.title, topic: m.topic, description: m.description },
              publicProblem: m.kit.publicProblem,
              consultation: m.kit.consultation && { ...m.kit.consultation, document: docOrNull(m.kit.consultation.document, fileUrl) },
              items: m.kit.items.map((i) => ({ id: i.id, title: i.title, description: i.description, moment: i.moment, document: doc(i.document, fileUrl), added: stamp(i.added) })),
              publishedAt: m.kit.published.at,
            },
          ]
        : [],
    ),
  };
}

/** The answer of `GET /api/public/exercises/:id` (plus `openData`, added by the route). */
export type PublicExerciseView = ReturnType<typeof publicExerciseView>;

/** Every uploaded file a public view names, by SHA-256: exactly what the public may download. */
export function publicFiles(view: unknown): Map<string, FileRef> {
  const out = new Map<string, FileRef>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (o.kind === 'archivo' && typeof o.sha256 === 'string' && typeof o.name === 'string' && typeof o.mediaType === 'string') {
      if (!out.has(o.sha256)) out.set(o.sha256, { kind: 'archivo', name: o.name, mediaType: o.mediaType, bytes: Number(o.bytes), sha256: o.sha256 });
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(view);
  return out;
}
