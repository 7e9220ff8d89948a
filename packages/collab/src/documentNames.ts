/** The kinds of shared document a mesa has. */
export type DocumentKind = 'tree' | 'roadmap' | 'annotations' | 'session' | 'notes';

/** A parsed document name. */
export interface DocumentAddress {
  mesaId: string;
  kind: DocumentKind;
  /** Set for roadmaps: the commitment the roadmap belongs to. */
  commitmentId?: string;
  /** Set for private notes: the principal (participant or account) whose notes they are. */
  ownerId?: string;
}

const ID = '[A-Za-z0-9_-]{6,40}';
const DOCUMENT_NAME = new RegExp(`^mesa:(${ID}):(?:(tree)|(roadmap):(${ID})|(annotations)|(session)|(notes):(${ID}))$`);

/** Name of a mesa's problem-tree document: `mesa:<mesaId>:tree`. */
export function treeDocumentName(mesaId: string): string {
  return `mesa:${mesaId}:tree`;
}

/** Name of a commitment's roadmap document: `mesa:<mesaId>:roadmap:<commitmentId>`. */
export function roadmapDocumentName(mesaId: string, commitmentId: string): string {
  return `mesa:${mesaId}:roadmap:${commitmentId}`;
}

/**
 * Name of a mesa's expert annotations document: `mesa:<mesaId>:annotations`. Kept apart from the
 * tree so that the right to annotate never becomes a right to edit the tree.
 */
export function annotationsDocumentName(mesaId: string): string {
  return `mesa:${mesaId}:annotations`;
}

/**
 * Name of a mesa's facilitated session (`sessionDoc.ts`): controls, revealed notes, votes, the
 * objective tree and the alternatives: `mesa:<mesaId>:session`.
 */
export function sessionDocumentName(mesaId: string): string {
  return `mesa:${mesaId}:session`;
}

/**
 * Name of one person's private brainstorm notes (`privateNotesDoc.ts`): only that person reads
 * or writes it, until the facilitator reveals the notes: `mesa:<mesaId>:notes:<principalId>`.
 */
export function privateNotesDocumentName(mesaId: string, principalId: string): string {
  return `mesa:${mesaId}:notes:${principalId}`;
}

/** Parses a document name; `null` when it is not one of cocrea's. */
export function parseDocumentName(name: string): DocumentAddress | null {
  const m = DOCUMENT_NAME.exec(name);
  if (!m) return null;
  const mesaId = m[1] as string;
  if (m[2] === 'tree') return { mesaId, kind: 'tree' };
  if (m[5] === 'annotations') return { mesaId, kind: 'annotations' };
  if (m[6] === 'session') return { mesaId, kind: 'session' };
  if (m[7] === 'notes') return { mesaId, kind: 'notes', ownerId: m[8] as string };
  return { mesaId, kind: 'roadmap', commitmentId: m[4] as string };
}
