import type { Commitment, CommitmentVersion, ReviewInput, SolutionAlternative, Stamp } from '@cocrea/domain';
import { request, type ApiRequest } from './http';

/** A finalized version's headline, as `GET /api/commitments/:id` lists it. */
export interface VersionSummary {
  version: number;
  contentHash: string;
  finalized: Stamp;
}

/** The names of a commitment's shared documents. */
export interface CommitmentDocuments {
  tree: string;
  roadmap: string;
}

/** What `GET /api/commitments/:id` answers. */
export interface CommitmentDetail {
  commitment: Commitment;
  documents: CommitmentDocuments;
  versions: VersionSummary[];
}

/**
 * Every call takes the credential of the person: a participant's collaboration token (Bearer),
 * or `undefined` for an account (session cookie, plus the CSRF token on writes).
 */
type Token = string | undefined;

const mesaPath = (mesaId: string) => `/api/mesas/${encodeURIComponent(mesaId)}`;
const commitmentPath = (id: string) => `/api/commitments/${encodeURIComponent(id)}`;
const read = (token: Token, signal?: AbortSignal): ApiRequest => ({ token, ...(signal ? { signal } : {}) });

/** The mesa's solution alternatives. */
export async function listAlternatives(mesaId: string, token: Token, signal?: AbortSignal): Promise<SolutionAlternative[]> {
  const body = await request<{ alternatives: SolutionAlternative[] }>(`${mesaPath(mesaId)}/alternatives`, read(token, signal));
  return body.alternatives;
}

/** Records a solution alternative addressing some of the tree's causes. */
export async function addAlternative(mesaId: string, input: { text: string; causeIds: string[] }, token: Token): Promise<SolutionAlternative> {
  const body = await request<{ alternative: SolutionAlternative }>(`${mesaPath(mesaId)}/alternatives`, { method: 'POST', body: input, token });
  return body.alternative;
}

/** The mesa's commitments. */
export async function listCommitments(mesaId: string, token: Token, signal?: AbortSignal): Promise<Commitment[]> {
  const body = await request<{ commitments: Commitment[] }>(`${mesaPath(mesaId)}/commitments`, read(token, signal));
  return body.commitments;
}

/** Creates a preliminary commitment (the server seeds its roadmap). */
export async function createCommitment(
  mesaId: string,
  input: { title: string; description: string; alternativeIds: string[] },
  token: Token,
): Promise<Commitment> {
  const body = await request<{ commitment: Commitment }>(`${mesaPath(mesaId)}/commitments`, { method: 'POST', body: input, token });
  return body.commitment;
}

/** One commitment, its document names and its finalized versions. */
export function getCommitment(id: string, token: Token, signal?: AbortSignal): Promise<CommitmentDetail> {
  return request<CommitmentDetail>(commitmentPath(id), read(token, signal));
}

/** Records the feasibility and viability review (facilitators and the STM). */
export async function submitReview(id: string, input: ReviewInput, token: Token): Promise<Commitment> {
  const body = await request<{ commitment: Commitment }>(`${commitmentPath(id)}/review`, { method: 'POST', body: input, token });
  return body.commitment;
}

/** A commitment step without a body: `definitive` or `reopen` (facilitators). */
export async function commitmentStep(id: string, step: 'definitive' | 'reopen', token: Token): Promise<Commitment> {
  const body = await request<{ commitment: Commitment }>(`${commitmentPath(id)}/${step}`, { method: 'POST', token });
  return body.commitment;
}

/** Finalizes the roadmap into a new immutable version; `422` lists what is missing. */
export function finalizeCommitment(id: string, token: Token): Promise<{ commitment: Commitment; version: CommitmentVersion }> {
  return request<{ commitment: Commitment; version: CommitmentVersion }>(`${commitmentPath(id)}/finalize`, { method: 'POST', token });
}
