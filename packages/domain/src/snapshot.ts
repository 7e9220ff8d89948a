import type { Stamp } from './actor';
import type { CommitmentReview, SolutionAlternative } from './commitment';
import type { Mesa } from './mesa';
import type { TreeNodeKind } from './problemTree';
import type { Roadmap } from './roadmap';

/** A node of the problem tree as it was agreed. */
export interface AgreedTreeNode {
  id: string;
  kind: TreeNodeKind;
  parentId: string | null;
  text: string;
  depth: number;
}

/** The content of a finalized commitment version: what the hash covers. */
export interface CommitmentContent {
  commitment: { id: string; mesaId: string; title: string; description: string };
  mesa: Pick<Mesa, 'id' | 'title' | 'topic' | 'description'>;
  alternatives: Pick<SolutionAlternative, 'id' | 'text' | 'causeIds'>[];
  review: CommitmentReview;
  roadmap: Roadmap;
  problemTree: AgreedTreeNode[];
}

/** An immutable, versioned snapshot of a finalized commitment. */
export interface CommitmentVersion {
  schemaVersion: 1;
  version: number;
  content: CommitmentContent;
  /** SHA-256 (hex) of {@link canonicalJson}(content). */
  contentHash: string;
  finalized: Stamp;
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same content always gives
 * the same bytes, so its hash identifies the content.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
