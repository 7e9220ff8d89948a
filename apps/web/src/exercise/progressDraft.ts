import type { DocumentRef, ProgressUpdateInput } from '@cocrea/domain';

/**
 * What a facilitator fills in to report on an activity, and the update it sends. Nothing is
 * refused here — the server applies the domain's rules (`applyProgress`) and its reasons are
 * shown as they come — but the form says beforehand what those rules will ask for.
 */

/** One piece of evidence being written. */
export interface EvidenceDraft {
  date: string;
  description: string;
  meansOfVerification: string;
  document: DocumentRef | null;
}

/** A report being written: progress with evidence, or a cancellation. */
export interface ProgressDraft {
  action: 'avance' | 'cancelar';
  progress: string;
  evidence: EvidenceDraft[];
  note: string;
  reason: string;
}

/** A new piece of evidence dated today, for the roadmap's only means of verification if there is just one. */
export function blankEvidence(today: string, means: readonly string[]): EvidenceDraft {
  return { date: today, description: '', meansOfVerification: means.length === 1 ? (means[0] ?? '') : '', document: null };
}

/** A report starting from the activity's current progress, with one piece of evidence to fill. */
export function blankDraft(current: number, today: string, means: readonly string[]): ProgressDraft {
  return { action: 'avance', progress: String(current), evidence: [blankEvidence(today, means)], note: '', reason: '' };
}

const untouched = (e: EvidenceDraft) => !e.description.trim() && !e.document;

/**
 * The update to send. Evidence rows left blank are dropped; a row with something in it is sent as
 * it is, so the server's message names what is missing. A figure that is not a number is sent as
 * -1, which the server refuses in words ("El avance va de 0 a 100.").
 */
export function toUpdate(d: ProgressDraft): ProgressUpdateInput | Record<string, unknown> {
  if (d.action === 'cancelar') return { action: 'cancelar', reason: d.reason };
  const n = Number(d.progress);
  return {
    action: 'avance',
    progress: d.progress.trim() === '' || !Number.isFinite(n) ? -1 : n,
    evidence: d.evidence.filter((e) => !untouched(e)),
    note: d.note,
  };
}

/** What the rules will ask for, said before sending: a rise needs new evidence; progress never goes down. */
export function draftHints(d: ProgressDraft, current: number): ('needs_evidence' | 'no_lower' | 'evidence_incomplete')[] {
  if (d.action !== 'avance') return [];
  const n = Number(d.progress);
  const out: ('needs_evidence' | 'no_lower' | 'evidence_incomplete')[] = [];
  const filled = d.evidence.filter((e) => !untouched(e));
  if (Number.isFinite(n) && n < current) out.push('no_lower');
  if (Number.isFinite(n) && n > current && filled.length === 0) out.push('needs_evidence');
  if (filled.some((e) => !e.document || !e.description.trim() || !e.meansOfVerification)) out.push('evidence_incomplete');
  return out;
}
