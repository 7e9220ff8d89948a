/** The kinds of shared document a mesa has. */
export type DocumentKind = 'tree' | 'roadmap' | 'annotations';

/** A parsed document name. */
export interface DocumentAddress {
  mesaId: string;
  kind: DocumentKind;
  /** Set for roadmaps: the commitment the roadmap belongs to. */
  commitmentId?: string;
}

const ID = '[A-Za-z0-9_-]{6,40}';
const DOCUMENT_NAME = new RegExp(`^mesa:(${ID}):(?:(tree)|(roadmap):(${ID})|(annotations))$`);

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

/** Parses a document name; `null` when it is not one of cocrea's. */
export function parseDocumentName(name: string): DocumentAddress | null {
  const m = DOCUMENT_NAME.exec(name);
  if (!m) return null;
  const mesaId = m[1] as string;
  if (m[2] === 'tree') return { mesaId, kind: 'tree' };
  if (m[5] === 'annotations') return { mesaId, kind: 'annotations' };
  return { mesaId, kind: 'roadmap', commitmentId: m[4] as string };
}
