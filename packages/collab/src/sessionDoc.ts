import * as Y from 'yjs';
import { newNodeId } from './problemTreeDoc';

/**
 * How a facilitated session lives in a Y.Doc (document `mesa:<id>:session`, issue 11). Everything
 * the room shares besides the problem tree: the facilitator's controls, the revealed sticky notes
 * of the brainstorm, dot votes, the objective tree and the solution alternatives.
 *
 * - `control`: Y.Map of plain values, written only by a facilitator or an admin (checked by the
 *   server, update by update): `step`, `timer`, `follow`, `spotlight`, `structureLocked`, `notesRevealed`,
 *   `voteBudget`, `votesRevealed`.
 * - `notes`: Y.Map<noteId, Y.Map> — revealed sticky notes: `text` (Y.Text), `author` ({id, name}),
 *   `createdAt`, `position` ({x, y}), `group` (string | null), `nodeId` (the tree node it became, or null).
 *   Before the reveal each note lives in its author's own document (`privateNotesDoc.ts`).
 * - `votes`: Y.Map<voteId, { voter, target: { view, id }, at }> — one entry per dot; a person's
 *   entries never exceed `voteBudget` (the server refuses the update that would).
 * - `objectives`: Y.Map<objectiveId, Y.Map> — the objective tree: `kind` ('objective' | 'means' |
 *   'end'), `sourceId` (the problem-tree node it restates), `parentId`, `text` (Y.Text), `createdBy`, `createdAt`.
 * - `alternatives`: Y.Map<alternativeId, Y.Map> — `text` (Y.Text), `meansIds` (objective ids),
 *   `causeIds` (tree node ids), `author`, `createdAt`, `commitmentId` (set once it became the
 *   preliminary commitment).
 *
 * Selection, viewports other than the leader's, and who is looking where stay out of the document.
 */

/** The steps of a session's agenda, in the guide's order. */
export const SESSION_STEPS = ['lluvia', 'problemas', 'objetivos', 'alternativas', 'votacion', 'compromiso'] as const;
/** One of {@link SESSION_STEPS}. */
export type SessionStep = (typeof SESSION_STEPS)[number];

/** Boards a vote, a spotlight or a viewport refers to. */
export const SESSION_VIEWS = ['lluvia', 'problemas', 'objetivos', 'alternativas'] as const;
/** One of {@link SESSION_VIEWS}. */
export type SessionView = (typeof SESSION_VIEWS)[number];

/** Dots per person unless the facilitator sets another budget. */
export const DEFAULT_VOTE_BUDGET = 3;
/** Largest budget a facilitator may set. */
export const MAX_VOTE_BUDGET = 20;
/** Longest timer, in ms (two hours). */
export const MAX_TIMER_MS = 2 * 60 * 60 * 1000;
/** Most revealed notes, objectives and alternatives a session holds (each). */
export const MAX_SESSION_ITEMS = 1000;
/** Most nodes a participant may reposition in one update ("Ordenar" is the facilitator's). */
export const MAX_PARTICIPANT_MOVES = 8;

export interface Person {
  id: string;
  name: string;
}

/** A countdown: running until `endsAt` (server clock, ms), or paused with `pausedRemainingMs` left. */
export interface SessionTimer {
  durationMs: number;
  endsAt: number;
  pausedRemainingMs: number | null;
  by: Person;
}

/** Where the leader is looking: the board and the React Flow viewport. */
export interface FollowState {
  leader: Person;
  view: SessionView;
  viewport: { x: number; y: number; zoom: number };
}

export interface VoteTarget {
  view: SessionView;
  id: string;
}

export interface SessionControl {
  step: SessionStep;
  timer: SessionTimer | null;
  follow: FollowState | null;
  spotlight: VoteTarget | null;
  /** Participants may only type and vote: no adding, deleting or moving of nodes, notes or objectives. */
  structureLocked: boolean;
  notesRevealed: boolean;
  voteBudget: number;
  votesRevealed: boolean;
}

export interface SessionNote {
  id: string;
  text: string;
  author: Person;
  createdAt: string;
  position: { x: number; y: number };
  group: string | null;
  nodeId: string | null;
}

export interface SessionVote {
  id: string;
  voter: string;
  target: VoteTarget;
  at: string;
}

export type ObjectiveKind = 'objective' | 'means' | 'end';

export interface Objective {
  id: string;
  kind: ObjectiveKind;
  sourceId: string | null;
  parentId: string | null;
  text: string;
  createdBy: Person | null;
  createdAt: string | null;
}

export interface Alternative {
  id: string;
  text: string;
  meansIds: string[];
  causeIds: string[];
  author: Person | null;
  createdAt: string | null;
  commitmentId: string | null;
}

/** The whole session as every client reads it. */
export interface SessionState {
  control: SessionControl;
  notes: SessionNote[];
  votes: SessionVote[];
  objectives: Objective[];
  alternatives: Alternative[];
}

export const SESSION_ROOTS = { control: 'control', notes: 'notes', votes: 'votes', objectives: 'objectives', alternatives: 'alternatives' } as const;

export const sessionControl = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_ROOTS.control);
export const sessionNotes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(SESSION_ROOTS.notes);
export const sessionVotes = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_ROOTS.votes);
export const sessionObjectives = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(SESSION_ROOTS.objectives);
export const sessionAlternatives = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(SESSION_ROOTS.alternatives);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Y.AbstractType);
const isPerson = (v: unknown): v is Person => isObject(v) && typeof v.id === 'string' && typeof v.name === 'string';
const textOf = (v: unknown) => (v instanceof Y.Text ? v.toJSON() : '');
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const pointOf = (v: unknown) => (isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y) ? { x: v.x as number, y: v.y as number } : { x: 0, y: 0 });

function isTarget(v: unknown): v is VoteTarget {
  return isObject(v) && (SESSION_VIEWS as readonly unknown[]).includes(v.view) && typeof v.id === 'string';
}

/** The controls, with defaults for anything unset or malformed. */
export function readControl(doc: Y.Doc): SessionControl {
  const c = sessionControl(doc);
  const step = c.get('step');
  const timer = c.get('timer');
  const follow = c.get('follow');
  const spotlight = c.get('spotlight');
  const budget = c.get('voteBudget');
  return {
    step: (SESSION_STEPS as readonly unknown[]).includes(step) ? (step as SessionStep) : 'lluvia',
    timer: isObject(timer) && Number.isFinite(timer.endsAt) && Number.isFinite(timer.durationMs) && isPerson(timer.by) ? (timer as unknown as SessionTimer) : null,
    follow: isObject(follow) && isPerson(follow.leader) && isObject(follow.viewport) ? (follow as unknown as FollowState) : null,
    spotlight: isTarget(spotlight) ? spotlight : null,
    structureLocked: c.get('structureLocked') === true,
    notesRevealed: c.get('notesRevealed') === true,
    voteBudget: Number.isInteger(budget) && (budget as number) >= 0 && (budget as number) <= MAX_VOTE_BUDGET ? (budget as number) : DEFAULT_VOTE_BUDGET,
    votesRevealed: c.get('votesRevealed') === true,
  };
}

/** Reads the whole session. */
export function readSession(doc: Y.Doc): SessionState {
  const notes: SessionNote[] = [];
  sessionNotes(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const author = m.get('author');
    notes.push({
      id,
      text: textOf(m.get('text')),
      author: isPerson(author) ? { id: author.id, name: author.name } : { id: '', name: '' },
      createdAt: strOrNull(m.get('createdAt')) ?? '',
      position: pointOf(m.get('position')),
      group: strOrNull(m.get('group')),
      nodeId: strOrNull(m.get('nodeId')),
    });
  });
  const votes: SessionVote[] = [];
  sessionVotes(doc).forEach((v, id) => {
    if (isObject(v) && typeof v.voter === 'string' && isTarget(v.target)) votes.push({ id, voter: v.voter, target: v.target, at: strOrNull(v.at) ?? '' });
  });
  const objectives: Objective[] = [];
  sessionObjectives(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const kind = m.get('kind');
    const createdBy = m.get('createdBy');
    objectives.push({
      id,
      kind: kind === 'objective' || kind === 'means' || kind === 'end' ? kind : 'means',
      sourceId: strOrNull(m.get('sourceId')),
      parentId: strOrNull(m.get('parentId')),
      text: textOf(m.get('text')),
      createdBy: isPerson(createdBy) ? createdBy : null,
      createdAt: strOrNull(m.get('createdAt')),
    });
  });
  const alternatives: Alternative[] = [];
  sessionAlternatives(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const author = m.get('author');
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    alternatives.push({
      id,
      text: textOf(m.get('text')),
      meansIds: strings(m.get('meansIds')),
      causeIds: strings(m.get('causeIds')),
      author: isPerson(author) ? author : null,
      createdAt: strOrNull(m.get('createdAt')),
      commitmentId: strOrNull(m.get('commitmentId')),
    });
  });
  const byDate = <T extends { createdAt: string | null; id: string }>(a: T, b: T) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id);
  return { control: readControl(doc), notes: notes.sort(byDate), votes, objectives: objectives.sort(byDate), alternatives: alternatives.sort(byDate) };
}

/** Sets control fields (facilitator or admin only; the server refuses anyone else's). */
export function setControl(doc: Y.Doc, changes: Partial<SessionControl>, origin?: unknown): void {
  const c = sessionControl(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) c.set(k, v ?? null);
  }, origin);
}

/** A timer of `durationMs` starting at server time `now`. */
export function startTimer(doc: Y.Doc, durationMs: number, now: number, by: Person, origin?: unknown): void {
  setControl(doc, { timer: { durationMs, endsAt: now + durationMs, pausedRemainingMs: null, by } }, origin);
}

/** Pauses a running timer at server time `now`, or resumes a paused one. */
export function toggleTimer(doc: Y.Doc, now: number, by: Person, origin?: unknown): void {
  const t = readControl(doc).timer;
  if (!t) return;
  const next: SessionTimer =
    t.pausedRemainingMs === null
      ? { ...t, pausedRemainingMs: Math.max(0, t.endsAt - now), by }
      : { ...t, endsAt: now + t.pausedRemainingMs, pausedRemainingMs: null, by };
  setControl(doc, { timer: next }, origin);
}

/** Ms left on the timer at server time `now` (0 when done, `null` without a timer). */
export function timerRemaining(timer: SessionTimer | null, now: number): number | null {
  if (!timer) return null;
  return Math.max(0, timer.pausedRemainingMs ?? timer.endsAt - now);
}

/** The dots `voter` has spent. */
export function votesOf(state: Pick<SessionState, 'votes'>, voter: string): SessionVote[] {
  return state.votes.filter((v) => v.voter === voter);
}

/** Dots per target, as `${view}:${id}` → count. */
export function tally(votes: readonly SessionVote[]): Map<string, number> {
  const t = new Map<string, number>();
  for (const v of votes) t.set(`${v.target.view}:${v.target.id}`, (t.get(`${v.target.view}:${v.target.id}`) ?? 0) + 1);
  return t;
}

export class SessionInputError extends Error {
  override readonly name = 'SessionInputError';
}

/** Spends one dot of `voter` on `target`; throws when the budget is spent. Returns the vote id. */
export function castVote(doc: Y.Doc, voter: string, target: VoteTarget, now = new Date(), origin?: unknown): string {
  const budget = readControl(doc).voteBudget;
  const mine = votesOf(readSession(doc), voter).length;
  if (mine >= budget) throw new SessionInputError(`Ya usaste tus ${budget} votos.`);
  const id = newNodeId();
  doc.transact(() => sessionVotes(doc).set(id, { voter, target: { view: target.view, id: target.id }, at: now.toISOString() }), origin);
  return id;
}

/** Takes back one of `voter`'s dots on `target` (the latest). */
export function retractVote(doc: Y.Doc, voter: string, target: VoteTarget, origin?: unknown): boolean {
  const mine = readSession(doc).votes.filter((v) => v.voter === voter && v.target.view === target.view && v.target.id === target.id);
  const last = mine.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (!last) return false;
  doc.transact(() => sessionVotes(doc).delete(last.id), origin);
  return true;
}

/** Adds a revealed note (or publishes a private one under its own id). */
export function addSessionNote(
  doc: Y.Doc,
  input: { id?: string; text: string; author: Person; position: { x: number; y: number }; createdAt?: string; group?: string | null },
  origin?: unknown,
): string {
  const id = input.id ?? newNodeId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('text', new Y.Text(input.text));
    m.set('author', { id: input.author.id, name: input.author.name });
    m.set('createdAt', input.createdAt ?? new Date().toISOString());
    m.set('position', { x: input.position.x, y: input.position.y });
    m.set('group', input.group ?? null);
    m.set('nodeId', null);
    sessionNotes(doc).set(id, m);
  }, origin);
  return id;
}

/** Sets fields of a note: its place, its group, or the tree node it became. */
export function updateSessionNote(doc: Y.Doc, id: string, changes: { position?: { x: number; y: number }; group?: string | null; nodeId?: string | null }, origin?: unknown): void {
  const m = sessionNotes(doc).get(id);
  if (!m) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) if (v !== undefined) m.set(k, v);
  }, origin);
}

/** The co-editable text of a session item (note, objective or alternative). */
export function sessionText(doc: Y.Doc, root: 'notes' | 'objectives' | 'alternatives', id: string): Y.Text | undefined {
  const t = doc.getMap<Y.Map<unknown>>(SESSION_ROOTS[root]).get(id)?.get('text');
  return t instanceof Y.Text ? t : undefined;
}
