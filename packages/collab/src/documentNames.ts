/** The kinds of shared document a mesa has. Annotations and roadmaps come in later issues. */
export type DocumentKind = 'tree';

/** A parsed document name. */
export interface DocumentAddress {
  mesaId: string;
  kind: DocumentKind;
}

const DOCUMENT_NAME = /^mesa:([A-Za-z0-9_-]{6,40}):(tree)$/;

/** Name of a mesa's problem-tree document: `mesa:<mesaId>:tree`. */
export function treeDocumentName(mesaId: string): string {
  return `mesa:${mesaId}:tree`;
}

/** Parses a document name; `null` when it is not one of cocrea's. */
export function parseDocumentName(name: string): DocumentAddress | null {
  const m = DOCUMENT_NAME.exec(name);
  if (!m) return null;
  return { mesaId: m[1] as string, kind: m[2] as DocumentKind };
}
