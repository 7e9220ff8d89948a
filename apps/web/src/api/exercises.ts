import type {
  ActionPlan,
  ActivityTracking,
  AwarenessEventInput,
  DeclarationInput,
  EventInput,
  ExerciseInput,
  ExercisePhase,
  FileRef,
  FinalEvaluation,
  FinalEvaluationInput,
  KitFramingInput,
  KitItemInput,
  MemberInput,
  MonitoringInput,
  ParticipantKit,
  PhaseWindow,
  ProgressUpdateInput,
  SixMonthMonitoring,
  StmInput,
} from '@cocrea/domain';
import type { ExerciseRecord, ExerciseView, PublicExerciseSummary, PublicExerciseView, StaffMember, StoredApproval } from './exerciseTypes';
import { csrfToken, refreshCsrfToken } from './csrf';
import { ApiError, request } from './http';

/**
 * The exercise routes (docs/api-exercise.md). Staff and the STM read an exercise; staff run it;
 * each STM seat holder approves its PAM; the public reads the micrositio with no sign-in.
 */

const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
const enc = encodeURIComponent;
/** `/api/exercises/:id`. */
export const exercisePath = (id: string) => `/api/exercises/${enc(id)}`;
const pamPath = (id: string) => `/api/pams/${enc(id)}`;

/** Every exercise, newest first (staff and STM). */
export async function listExercises(signal?: AbortSignal): Promise<ExerciseRecord[]> {
  return (await request<{ exercises: ExerciseRecord[] }>('/api/exercises', opt(signal))).exercises;
}

/** Starts an exercise (staff). */
export async function createExercise(input: Pick<ExerciseInput, 'municipality' | 'title' | 'period'>): Promise<ExerciseRecord> {
  return (await request<{ exercise: ExerciseRecord }>('/api/exercises', { method: 'POST', body: input })).exercise;
}

/** The exercise with everything derived from it as of the server's today. */
export function getExercise(id: string, signal?: AbortSignal): Promise<ExerciseView> {
  return request<ExerciseView>(exercisePath(id), opt(signal));
}

const putExercise = async (id: string, what: string, body: unknown) =>
  (await request<{ exercise: ExerciseRecord }>(`${exercisePath(id)}/${what}`, { method: 'PUT', body })).exercise;

/** Replaces the Declaración Conjunta with its signatories. */
export const saveDeclaration = (id: string, input: DeclarationInput) => putExercise(id, 'declaration', input);
/** Records or corrects the launch forum. */
export const saveLaunchForum = (id: string, input: EventInput) => putExercise(id, 'launch-forum', input);
/** Records or corrects the PAM's public launch event. */
export const savePlanLaunchEvent = (id: string, input: EventInput) => putExercise(id, 'plan-launch-event', input);
/** Replaces the planned dates of the phases (the STM's annual agenda). */
export const saveSchedule = (id: string, schedule: Partial<Record<ExercisePhase, PhaseWindow>>) => putExercise(id, 'schedule', schedule);
/** Replaces the STM: seats, facilitator, installation date, rules and agenda. */
export const saveStm = (id: string, input: StmInput) => putExercise(id, 'stm', input);

/** Adds a sensibilización event (`eventId` null) or corrects one. */
export async function saveAwarenessEvent(id: string, eventId: string | null, input: AwarenessEventInput): Promise<ExerciseRecord> {
  const path = eventId === null ? `${exercisePath(id)}/awareness-events` : `${exercisePath(id)}/awareness-events/${enc(eventId)}`;
  return (await request<{ exercise: ExerciseRecord }>(path, { method: eventId === null ? 'POST' : 'PUT', body: input })).exercise;
}

/** What a facilitator saves of an integrante: the domain's input and the account that acts as them. */
export type MemberSave = MemberInput & { accountId: string | null };

/** Registers an integrante (`memberId` null) or corrects one. */
export async function saveMember(id: string, memberId: string | null, input: MemberSave): Promise<StaffMember> {
  const path = memberId === null ? `${exercisePath(id)}/members` : `${exercisePath(id)}/members/${enc(memberId)}`;
  return (await request<{ member: StaffMember }>(path, { method: memberId === null ? 'POST' : 'PUT', body: input })).member;
}

/** Makes the micrositio public. */
export async function publishMicrositio(id: string): Promise<ExerciseRecord> {
  return (await request<{ exercise: ExerciseRecord }>(`${exercisePath(id)}/publish`, { method: 'POST' })).exercise;
}

/** Makes a draft PAM the exercise's own, or creates one for it. */
export async function linkPlan(id: string, input: { planId: string } | { title: string; launchDate?: string }): Promise<ActionPlan> {
  return (await request<{ pam: ActionPlan }>(`${exercisePath(id)}/pam`, { method: 'POST', body: input })).pam;
}

/** Makes a mesa one of the exercise's mesas participativas. */
export async function linkMesa(id: string, mesaId: string): Promise<string[]> {
  return (await request<{ mesas: string[] }>(`${exercisePath(id)}/mesas/${enc(mesaId)}`, { method: 'PUT' })).mesas;
}

/** Where staff and the STM download a file of the exercise (with its name). */
export function exerciseFileUrl(id: string, file: FileRef): string {
  return `${exercisePath(id)}/files/${file.sha256}?name=${enc(file.name)}`;
}

/**
 * Uploads a file's bytes (`POST /api/exercises/:id/files?name=…`, the body raw with its type) and
 * returns the reference later inputs name. Refused with `413`, `415` or `422 file_refused` and a
 * Spanish message. A refused CSRF token is fetched again once, as `request` does.
 */
export async function uploadExerciseFile(id: string, file: Blob & { name: string }, mediaType: string): Promise<FileRef> {
  const url = `${exercisePath(id)}/files?name=${enc(file.name)}`;
  const send = async (csrf: string | null) => {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'content-type': mediaType, accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        body: file,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('network', '', 0);
    }
  };
  let res = await send(csrfToken());
  let body = (await res.json().catch(() => null)) as { file?: FileRef; error?: { code?: string; message?: string; details?: unknown } } | null;
  if (res.status === 403 && body?.error?.code === 'csrf') {
    res = await send(await refreshCsrfToken());
    body = (await res.json().catch(() => null)) as typeof body;
  }
  if (!res.ok || !body?.file) {
    const message = body?.error?.message ?? (res.status === 413 ? 'El archivo es demasiado grande.' : '');
    throw new ApiError(body?.error?.code ?? 'bad-response', message, res.status, body?.error?.details);
  }
  return body.file;
}

/** The kit of a mesa, for whoever may read the mesa (a participant sends their token). */
export async function getKit(mesaId: string, opts: { token?: string | undefined; signal?: AbortSignal } = {}): Promise<ParticipantKit | null> {
  return (await request<{ kit: ParticipantKit | null }>(`/api/mesas/${enc(mesaId)}/kit`, { ...opt(opts.signal), token: opts.token })).kit;
}

/** Where the kit's file is downloaded (needs the mesa's credentials). */
export function kitFileUrl(mesaId: string, sha256: string): string {
  return `/api/mesas/${enc(mesaId)}/kit/files/${sha256}`;
}

/** Sets the kit's public problem and consultation. */
export async function saveKitFraming(mesaId: string, input: KitFramingInput): Promise<ParticipantKit | null> {
  return (await request<{ kit: ParticipantKit | null }>(`/api/mesas/${enc(mesaId)}/kit`, { method: 'PUT', body: input })).kit;
}

/** Adds a document to the kit. */
export async function addKitItem(mesaId: string, input: KitItemInput): Promise<ParticipantKit | null> {
  return (await request<{ kit: ParticipantKit | null }>(`/api/mesas/${enc(mesaId)}/kit/items`, { method: 'POST', body: input })).kit;
}

/** Makes the kit public (refused with what it lacks). */
export async function publishKit(mesaId: string): Promise<ParticipantKit> {
  return (await request<{ kit: ParticipantKit }>(`/api/mesas/${enc(mesaId)}/kit/publish`, { method: 'POST' })).kit;
}

/** The STM's approvals of a PAM and what publishing it still needs. */
export function getApprovals(planId: string, signal?: AbortSignal): Promise<{ approvals: StoredApproval[]; missing: string[] }> {
  return request(`${pamPath(planId)}/approvals`, opt(signal));
}

/** Approves the PAM for the seat the signed-in account's integrante holds. */
export function approvePlan(planId: string, note = ''): Promise<{ approval: StoredApproval; pam: ActionPlan; missing: string[] }> {
  return request(`${pamPath(planId)}/approvals`, { method: 'POST', body: { note } });
}

/** Reports progress with evidence on an activity, or cancels it. */
export async function reportActivity(planId: string, commitmentId: string, activityId: string, update: ProgressUpdateInput): Promise<ActivityTracking> {
  const path = `${pamPath(planId)}/commitments/${enc(commitmentId)}/activities/${enc(activityId)}/updates`;
  return (await request<{ activity: ActivityTracking }>(path, { method: 'POST', body: update })).activity;
}

/** Records the six-month monitoring. */
export async function recordMonitoring(planId: string, input: MonitoringInput): Promise<SixMonthMonitoring> {
  return (await request<{ monitoring: SixMonthMonitoring }>(`${pamPath(planId)}/monitoring`, { method: 'POST', body: input })).monitoring;
}

/** Records the final evaluation; answers where it differs from the tracking. */
export function recordEvaluation(planId: string, input: FinalEvaluationInput): Promise<{ evaluation: FinalEvaluation; discrepancies: string[] }> {
  return request(`${pamPath(planId)}/evaluation`, { method: 'POST', body: input });
}

/** The published micrositios. */
export async function listPublicExercises(signal?: AbortSignal): Promise<PublicExerciseSummary[]> {
  return (await request<{ exercises: PublicExerciseSummary[] }>('/api/public/exercises', opt(signal))).exercises;
}

/** One micrositio; `404` unless published. */
export function getPublicExercise(id: string, signal?: AbortSignal): Promise<PublicExerciseView> {
  return request<PublicExerciseView>(`/api/public/exercises/${enc(id)}`, opt(signal));
}

/** The problems of a refusal (`details.problems` or `details.missing`), or `null`. */
export function problemsOf(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || typeof e.details !== 'object' || e.details === null) return null;
  const d = e.details as { problems?: unknown; missing?: unknown };
  const list = Array.isArray(d.problems) ? d.problems : Array.isArray(d.missing) ? d.missing : null;
  return list && list.every((x): x is string => typeof x === 'string') ? list : null;
}
