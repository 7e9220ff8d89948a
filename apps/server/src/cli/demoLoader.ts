import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import {
  ODS_TARGET_CODES,
  cleanRoadmap,
  exerciseOverview,
  mexicoDayOfInstant,
  roadmapProblems,
  transitionProblem,
  type Commitment,
  type CommitmentContent,
  type CommitmentVersion,
  type DocumentRef,
  type Stamp,
} from '@cocrea/domain';
import { demoExercise } from '@cocrea/domain/fixtures';
import { readRoadmap, readTree, roadmapDocumentName, treeDocumentName } from '@cocrea/collab';
import { hashPassword } from '../auth/passwords';
import type { AccountRole } from '../auth/principal';
import { newId } from '../ids';
import { ExerciseAudit } from '../services/ExerciseAudit';
import { contentHash } from '../services/CommitmentService';
import { loadExercise } from '../services/exerciseRecords';
import { createExerciseServices } from '../services/exerciseServices';
import type { Storage } from '../storage/Storage';
import { eventPng, textPdf } from './demoFiles';
import { roadmapDocument, treeDocument } from './demoDocuments';

/** A failure the person running the demo can act on. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

/** What loading the demo made. */
export interface DemoResult {
  exerciseId: string;
  planId: string;
  municipality: string;
  /** The demo's accounts, all with the one password given to {@link loadDemo}. */
  accounts: { email: string; name: string; role: AccountRole }[];
  stage: string;
}

/** Demo integrantes who get an account: the facilitator and the six STM seat holders. */
const ACCOUNT_HOLDERS: Record<string, AccountRole> = { m03: 'facilitator', m01: 'stm', m02: 'stm', m06: 'stm', m07: 'stm', m11: 'stm', m12: 'stm' };

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Loads the Metepec demo exercise (`demoExercise` of `@cocrea/domain/fixtures`, seen from `today`)
 * into `storage` through the exercise services, replaying its year in order on a moving clock so
 * every rule holds as it would for people: accounts for the facilitator and the STM, the
 * declaration and events, the registry and the STM, three mesas with their trees and kits, three
 * finalized commitments with complete roadmaps, the PAM approved by each STM sector and published,
 * the tracking with uploaded evidence (PDF, PNG and CSV files made here), the six-month
 * monitoring. Refuses (nothing written) when the demo's accounts, mesas or exercise exist already.
 */
export async function loadDemo(storage: Storage, options: { password: string; today?: string }): Promise<DemoResult> {
  const wall = new Date();
  const today = options.today ?? mexicoDayOfInstant(wall.toISOString());
  const d = demoExercise({ today, sha256: (text) => sha256(text) });
  const people = new Map(d.members.map((m) => [m.id, m]));

  // Refuse a second run before writing anything.
  for (const [id] of Object.entries(ACCOUNT_HOLDERS)) {
    const email = people.get(id)?.contact.email ?? '';
    if (await storage.accounts.byEmail(email)) throw new DemoError(`La demostración ya está cargada en este almacenamiento (existe la cuenta ${email}). Usa un DATA_DIR o una base de datos vacíos.`);
  }
  for (const m of d.mesas) if (await storage.mesas.get(m.id)) throw new DemoError(`La demostración ya está cargada en este almacenamiento (existe la mesa ${m.id}).`);
  if ((await storage.exercises.list()).some((e) => e.municipality === d.exercise.municipality)) {
    throw new DemoError(`Ya existe un ejercicio de ${d.exercise.municipality} en este almacenamiento.`);
  }

  let now = new Date(`${d.exercise.period.startDate}T15:00:00.000Z`);
  const at = (instant: string) => {
    now = new Date(instant);
  };
  const x = createExerciseServices(storage, () => now);

  // Accounts, created the day the exercise starts.
  const passwordHash = await hashPassword(options.password);
  const accountOf = new Map<string, { id: string; name: string; role: AccountRole }>();
  const accounts: DemoResult['accounts'] = [];
  for (const [memberId, role] of Object.entries(ACCOUNT_HOLDERS)) {
    const m = people.get(memberId);
    if (!m) throw new DemoError(`Demo: falta la integrante ${memberId}`);
    const account = await storage.accounts.create({ id: newId(), email: m.contact.email, name: m.name, role, passwordHash, createdAt: now.toISOString() });
    accountOf.set(memberId, { id: account.id, name: account.name, role });
    accounts.push({ email: account.email, name: account.name, role });
  }
  const lucia = accountOf.get('m03') as { id: string; name: string; role: AccountRole };
  const stampOf = (s: Stamp): Stamp => {
    const who = [...people.values()].find((p) => p.name === s.by.name);
    const account = who ? accountOf.get(who.id) : undefined;
    return { by: { id: account?.id ?? lucia.id, name: s.by.name }, at: s.at };
  };

  // 1) Arranque: the exercise, its micrositio, the declaration and the launch forum.
  const exercise = await x.exercises.create({ municipality: d.exercise.municipality, title: d.exercise.title, period: d.exercise.period }, lucia);
  const id = exercise.id;
  const uploaded = new Map<string, DocumentRef>();
  const texts = new Map(d.files.map((f) => [f.ref.sha256, f]));
  /** The stored document for a fixture's document: its text file uploaded (as PDF when plain text), links as they are. */
  const doc = async (ref: DocumentRef): Promise<DocumentRef> => {
    if (ref.kind === 'enlace') return ref;
    const known = uploaded.get(ref.sha256);
    if (known) return known;
    const file = texts.get(ref.sha256);
    if (!file) throw new DemoError(`Demo: falta el contenido de ${ref.name}`);
    const pdf = ref.mediaType === 'text/plain';
    const name = pdf ? ref.name.replace(/\.txt$/, '.pdf') : ref.name;
    const data = pdf ? await textPdf(name.replace(/\.pdf$/, '').replace(/-/g, ' '), file.content) : Buffer.from(file.content, 'utf8');
    const stored = await x.files.upload(id, { contentType: pdf ? 'application/pdf' : ref.mediaType, name, data: new Uint8Array(data) }, lucia);
    uploaded.set(ref.sha256, stored);
    return stored;
  };
  const docs = (refs: readonly DocumentRef[]) => Promise.all(refs.map(doc));
  const photo = (name: string, caption: string, hue: number) => x.files.upload(id, { contentType: 'image/png', name, data: new Uint8Array(eventPng(caption, hue)) }, lucia);

  await x.exercises.setSchedule(id, d.exercise.schedule);
  await x.exercises.publish(id, lucia);
  const declaration = d.exercise.declaration;
  if (!declaration) throw new DemoError('Demo: falta la Declaración Conjunta');
  await x.exercises.setDeclaration(id, { place: declaration.place, signatories: declaration.signatories, document: declaration.document && (await doc(declaration.document)) });
  const forum = d.exercise.launchForum;
  if (forum) {
    const evidence = [...(await docs(forum.evidence)), await photo('foto-foro-municipal.png', forum.title, 205)];
    await x.exercises.setLaunchForum(id, { title: forum.title, date: forum.date, place: forum.place, description: forum.description, evidence });
  }

  // 2) Sensibilización: each event, then the integrantes, each registered the day they joined.
  const eventIds = new Map<string, string>();
  const memberIds = new Map<string, string>();
  const register = async (memberId: string) => {
    const m = people.get(memberId);
    if (!m || memberIds.has(memberId)) return;
    at(`${m.joinedOn}T19:00:00.000Z`);
    const saved = await x.exercises.saveMember(id, null, {
      kind: m.kind,
      name: m.name,
      sector: m.sector,
      organization: m.organization,
      position: m.position,
      contact: m.contact,
      joinedOn: m.joinedOn,
      joinedAtEventId: m.joinedAtEventId ? (eventIds.get(m.joinedAtEventId) ?? null) : null,
      accountId: accountOf.get(m.id)?.id ?? null,
    });
    memberIds.set(m.id, saved.id);
  };
  for (const m of d.members.filter((x) => !x.joinedAtEventId)) await register(m.id);
  for (const e of d.exercise.awarenessEvents) {
    at(`${e.date}T16:00:00.000Z`);
    const saved = await x.exercises.saveAwarenessEvent(id, null, { ...e, evidence: await docs(e.evidence), joinedMemberIds: [] });
    const created = saved.awarenessEvents.find((a) => a.title === e.title && a.date === e.date);
    if (!created) throw new DemoError(`Demo: no se registró el evento ${e.title}`);
    eventIds.set(e.id, created.id);
    for (const m of e.joinedMemberIds) await register(m);
  }
  const member = (fixtureId: string | null) => (fixtureId ? (memberIds.get(fixtureId) ?? null) : null);

  // 3) The STM, installed with its rules and agenda.
  const stm = d.exercise.stm;
  at(`${stm.installedOn ?? today}T18:00:00.000Z`);
  await x.exercises.setStm(id, {
    installedOn: stm.installedOn,
    seats: stm.seats.map((s) => ({ id: s.id, sector: s.sector, titularId: member(s.titularId), suplenteId: member(s.suplenteId) })),
    facilitatorId: member(stm.facilitatorId),
    governanceRules: stm.governanceRules && (await doc(stm.governanceRules)),
    annualAgenda: stm.annualAgenda && (await doc(stm.annualAgenda)),
  });

  // 4) Mesas: each with its tree and kit, and the commitment it produced, finalized.
  for (const m of d.mesas) {
    const v = d.versions.find((x) => x.content.commitment.mesaId === m.id);
    if (!v || !m.kit) throw new DemoError(`Demo: la mesa ${m.id} no tiene compromiso o kit`);
    at(m.createdAt);
    const tree = treeDocument(m.id, v.content.problemTree, lucia, m.createdAt);
    await storage.mesas.create(m.id, { title: m.title, topic: m.topic, description: m.description }, m.createdAt, new Map([[treeDocumentName(m.id), Y.encodeStateAsUpdate(tree)]]));
    await x.exercises.linkMesa(id, m.id);
    at(m.kit.items[0]?.added.at ?? m.createdAt);
    await x.kits.setFraming(m.id, { publicProblem: m.kit.publicProblem, consultation: m.kit.consultation && { ...m.kit.consultation, document: m.kit.consultation.document && (await doc(m.kit.consultation.document)) } });
    for (const item of m.kit.items) {
      at(item.added.at);
      await x.kits.addItem(m.id, { title: item.title, description: item.description, moment: item.moment, document: await doc(item.document) }, lucia);
    }
    if (m.kit.published) {
      at(m.kit.published.at);
      await x.kits.publish(m.id, lucia);
    }
    await finalize(storage, v, tree, stampOf);
    tree.destroy();
    await storage.mesas.update(m.id, { joinOpen: false, status: 'cerrada' });
  }

  // 5) The PAM: integrated, approved by each STM sector through its account, published, launched.
  at(d.plan.created.at);
  const plan = await x.exercises.linkPlan(id, { title: d.plan.title, launchDate: d.plan.launchDate ?? undefined }, lucia);
  for (const e of d.plan.entries) await x.plans.addEntry(plan.id, e.commitmentId, e.version);
  for (const a of d.approvals) {
    const account = accountOf.get(a.memberId);
    if (!account) throw new DemoError(`Demo: ${a.memberId} no tiene cuenta para aprobar`);
    at(a.approved.at);
    await x.approvals.approve(plan.id, account, { note: a.note });
  }
  at(d.plan.published?.at ?? now.toISOString());
  await x.plans.advance(plan.id, 'publicado', lucia);
  const launch = d.exercise.planLaunchEvent;
  if (launch) {
    at(`${launch.date}T19:00:00.000Z`);
    const evidence = [...(await docs(launch.evidence)), await photo('foto-lanzamiento-pam.png', launch.title, 145)];
    await x.exercises.setPlanLaunchEvent(id, { title: launch.title, date: launch.date, place: launch.place, description: launch.description, evidence });
  }

  // 6) Seguimiento: every report in the order it was made, then the six-month monitoring.
  const steps = d.records.tracking
    .flatMap((t) => t.history.map((h) => ({ t, h })))
    .sort((a, b) => a.h.stamp.at.localeCompare(b.h.stamp.at));
  for (const { t, h } of steps) {
    at(h.stamp.at);
    const evidence = await Promise.all(
      t.evidence
        .filter((e) => h.evidenceIds.includes(e.id))
        .map(async (e) => ({ date: e.date, description: e.description, meansOfVerification: e.meansOfVerification, document: await doc(e.document) })),
    );
    await x.tracking.report(plan.id, t.commitmentId, t.activityId, { action: 'avance', progress: h.to, evidence, note: h.note }, lucia);
  }
  const monitoring = d.records.monitoring;
  if (monitoring) {
    at(monitoring.recorded.at);
    await x.tracking.recordMonitoring(
      plan.id,
      { cutoffDate: monitoring.cutoffDate, conductedBy: monitoring.conductedBy, commitments: monitoring.commitments.map(({ progress: _progress, ...c }) => c) },
      lucia,
    );
  }

  now = wall;
  await new ExerciseAudit(storage.audit).record(lucia, 'exercise.demo_load', { exerciseId: id, planId: plan.id }, { today, accounts: accounts.length });
  const stage = exerciseOverview((await loadExercise(x.stores, id)).records, today).stage;
  return { exerciseId: id, planId: plan.id, municipality: exercise.municipality, accounts, stage };
}

/**
 * Finalizes a demo commitment the way `CommitmentService.finalize` does — every transition and
 * the roadmap's eight elements checked by the domain, the content read back from the stored tree
 * and roadmap documents, hashed with the service's `contentHash`, stored as an immutable version,
 * and its documents locked — with the fixture's stamps instead of today's.
 */
async function finalize(storage: Storage, v: CommitmentVersion, tree: Y.Doc, stampOf: (s: Stamp) => Stamp): Promise<void> {
  const { commitment: c, mesa, alternatives, review } = v.content;
  const roadmapName = roadmapDocumentName(c.mesaId, c.id);
  const roadmap = roadmapDocument(c.mesaId, c.id, v.content.roadmap);
  const causes = new Set(readTree(tree).nodes.filter((n) => n.kind === 'cause').map((n) => n.id));
  const created = stampOf({ by: review.stamp.by, at: new Date(new Date(review.stamp.at).getTime() - 86_400_000).toISOString() });
  for (const a of alternatives) {
    if (a.causeIds.some((cause) => !causes.has(cause))) throw new DemoError(`Demo: la alternativa ${a.id} nombra causas que no están en el árbol`);
    await storage.commitments.addAlternative({ id: a.id, mesaId: c.mesaId, text: a.text, causeIds: a.causeIds, created });
  }
  let commitment: Commitment = {
    id: c.id,
    mesaId: c.mesaId,
    title: c.title,
    description: c.description,
    alternativeIds: alternatives.map((a) => a.id),
    status: 'preliminar',
    created,
    review: null,
    madeDefinitive: null,
    reopened: null,
    version: 0,
    editable: true,
  };
  await storage.commitments.create(commitment, roadmapName, Y.encodeStateAsUpdate(roadmap));
  const step = async (to: 'revisado' | 'definitivo' | 'finalizado', write: () => Promise<void>) => {
    const problem = transitionProblem(commitment, to);
    if (problem) throw new DemoError(`Demo: ${c.id}: ${problem}`);
    await write();
    commitment = (await storage.commitments.get(c.id)) as Commitment;
  };
  await step('revisado', () => storage.commitments.saveReview(c.id, { ...review, stamp: stampOf(review.stamp) }));
  await step('definitivo', () => storage.commitments.makeDefinitive(c.id, stampOf({ by: review.stamp.by, at: v.finalized.at })));
  const draft = readRoadmap(roadmap);
  const missing = roadmapProblems(draft, ODS_TARGET_CODES);
  if (missing.length > 0) throw new DemoError(`Demo: la hoja de ruta de ${c.id} está incompleta: ${missing.join(' ')}`);
  const content: CommitmentContent = {
    commitment: { id: c.id, mesaId: c.mesaId, title: commitment.title, description: commitment.description },
    mesa,
    alternatives: (await storage.commitments.alternatives(c.mesaId)).filter((a) => commitment.alternativeIds.includes(a.id)).map((a) => ({ id: a.id, text: a.text, causeIds: a.causeIds })),
    review: commitment.review as NonNullable<Commitment['review']>,
    roadmap: cleanRoadmap(draft),
    problemTree: readTree(tree).nodes.map((n) => ({ id: n.id, kind: n.kind, parentId: n.parentId, text: n.text, depth: n.depth })),
  };
  const version: CommitmentVersion = { schemaVersion: 1, version: commitment.version + 1, content, contentHash: contentHash(content), finalized: stampOf(v.finalized) };
  await step('finalizado', () => storage.commitments.finalize(version));
  await storage.documents.lockDocuments([treeDocumentName(c.mesaId), roadmapName], c.id);
  roadmap.destroy();
}
