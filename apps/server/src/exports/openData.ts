import {
  CRITERION_LABELS,
  REVIEW_CRITERIA,
  type ActionPlan,
  type ActionPlanStatus,
  type CommitmentVersion,
  type ReviewCriterion,
  type Stamp,
  type TreeNodeKind,
} from '@cocrea/domain';
import { odsAlignment, type OdsAlignment } from './odsAlignment';

/** Version of the open-data document's shape; bumped on any incompatible change. */
export const OPEN_DATA_SCHEMA_VERSION = 1;

/** `$id` of `docs/schemas/pam.schema.json`, the schema every open-data document validates against. */
export const PAM_SCHEMA_ID = 'urn:cocrea:schema:pam:1';

/**
 * Who did a step and when. Open data names the person but leaves out the internal participant id,
 * which means nothing outside cocrea.
 */
export interface OpenStamp {
  by: { name: string };
  at: string;
}

/** The PAM's own fields, present only when a whole plan is exported. */
export interface OpenPlan {
  id: string;
  title: string;
  municipality: string;
  status: ActionPlanStatus;
  launchDate: string | null;
  validUntil: string | null;
  created: OpenStamp;
  approved: OpenStamp | null;
  published: OpenStamp | null;
}

/** One finalized commitment as open data. */
export interface OpenCommitment {
  id: string;
  version: number;
  contentHash: string;
  title: string;
  description: string;
  mesa: { id: string; title: string; topic: string; description: string };
  alternatives: { id: string; text: string; causeIds: string[] }[];
  review: {
    decision: 'factible' | 'requiere_ajustes' | 'no_factible';
    notes: string;
    criteria: { criterion: ReviewCriterion; label: string; verdict: 'cumple' | 'cumple_parcialmente' | 'no_cumple'; reasons: string }[];
    reviewed: OpenStamp;
  };
  roadmap: {
    narrative: string;
    responsible: { name: string; position: string; office: string };
    coResponsible: { organization: string; contact: string };
    activities: { id: string; description: string; responsible: string; startDate: string; endDate: string }[];
    finalResult: string;
    expectedProducts: string[];
    indicators: { id: string; name: string; unit: string; baseline: string; goal: string }[];
    meansOfVerification: string[];
    startDate: string;
    endDate: string;
  };
  odsTargets: OdsAlignment[];
  problemTree: { id: string; kind: TreeNodeKind; parentId: string | null; text: string; depth: number }[];
  finalized: OpenStamp;
}

/** The open-data document (`export.json`). */
export interface OpenDataDocument {
  schemaVersion: typeof OPEN_DATA_SCHEMA_VERSION;
  generatedAt: string;
  /** Absent for a single-commitment export. */
  plan?: OpenPlan;
  commitments: OpenCommitment[];
}

/** Options shared by every export. */
export interface ExportOptions {
  /** The generation instant shown in the document; now by default. */
  now?: Date;
}

const openStamp = (s: Stamp): OpenStamp => ({ by: { name: s.by.name }, at: s.at });

function openCommitment(v: CommitmentVersion): OpenCommitment {
  const { commitment, mesa, alternatives, review, roadmap: r, problemTree } = v.content;
  return {
    id: commitment.id,
    version: v.version,
    contentHash: v.contentHash,
    title: commitment.title,
    description: commitment.description,
    mesa: { id: mesa.id, title: mesa.title, topic: mesa.topic, description: mesa.description },
    alternatives: alternatives.map((a) => ({ id: a.id, text: a.text, causeIds: [...a.causeIds] })),
    review: {
      decision: review.decision,
      notes: review.notes,
      criteria: REVIEW_CRITERIA.map((c) => ({
        criterion: c,
        label: CRITERION_LABELS[c],
        verdict: review.criteria[c].verdict,
        reasons: review.criteria[c].reasons,
      })),
      reviewed: openStamp(review.stamp),
    },
    roadmap: {
      narrative: r.narrative,
      responsible: { name: r.responsible.name, position: r.responsible.position, office: r.responsible.office },
      coResponsible: { organization: r.coResponsible.organization, contact: r.coResponsible.contact },
      activities: r.activities.map((a) => ({
        id: a.id,
        description: a.description,
        responsible: a.responsible,
        startDate: a.startDate,
        endDate: a.endDate,
      })),
      finalResult: r.finalResult,
      expectedProducts: [...r.expectedProducts],
      indicators: r.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, baseline: i.baseline, goal: i.goal })),
      meansOfVerification: [...r.meansOfVerification],
      startDate: r.startDate,
      endDate: r.endDate,
    },
    odsTargets: odsAlignment(r.odsTargets),
    problemTree: problemTree.map((n) => ({ id: n.id, kind: n.kind, parentId: n.parentId, text: n.text, depth: n.depth })),
    finalized: openStamp(v.finalized),
  };
}

function openPlan(plan: ActionPlan): OpenPlan {
  return {
    id: plan.id,
    title: plan.title,
    municipality: plan.municipality,
    status: plan.status,
    launchDate: plan.launchDate,
    validUntil: plan.validUntil,
    created: openStamp(plan.created),
    approved: plan.approved ? openStamp(plan.approved) : null,
    published: plan.published ? openStamp(plan.published) : null,
  };
}

/**
 * The open-data document of a PAM (or, with `plan` null, of one commitment). Fields are copied one
 * by one, never spread, so a field added to the domain does not leak into published data before
 * the schema describes it.
 */
export function toOpenData(plan: ActionPlan | null, versions: readonly CommitmentVersion[], options: ExportOptions = {}): OpenDataDocument {
  return {
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    ...(plan ? { plan: openPlan(plan) } : {}),
    commitments: versions.map(openCommitment),
  };
}
