import { NOTE_ROLES, REPLY_ROLES, RESOLVE_ROLES, type AnnotationRole, type AnnotationThread } from '@cocrea/collab';
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';

/** The person annotating, exactly as the server's token names them (the server compares). */
export interface Annotator {
  id: string;
  name: string;
  role: AnnotationRole;
}

/** What the interface offers this person; the server checks every update anyway. */
export interface AnnotationRights {
  addNote: boolean;
  reply: boolean;
  resolve: boolean;
}

/** The mesa's annotations as the canvas and the panel see them. */
export interface Annotations {
  me: Annotator;
  rights: AnnotationRights;
  /** The shared document, once open. */
  doc: Y.Doc | null;
  /** Every valid thread, oldest first. */
  threads: readonly AnnotationThread[];
  /** Unresolved threads per node id. */
  openCounts: ReadonlyMap<string, number>;
  /** Threads of any state per node id. */
  totalCounts: ReadonlyMap<string, number>;
  /** Opens the panel on a cause or an effect. */
  openFor: (nodeId: string) => void;
}

/** What a role may do with annotations (docs/permissions.md); nothing while read-only. */
export function annotationRights(role: AnnotationRole, readOnly: boolean): AnnotationRights {
  if (readOnly) return { addNote: false, reply: false, resolve: false };
  return { addNote: NOTE_ROLES.includes(role), reply: REPLY_ROLES.includes(role), resolve: RESOLVE_ROLES.includes(role) };
}

/** Provided by `AnnotationsProvider` around the mesa canvas. */
export const AnnotationsContext = createContext<Annotations | null>(null);

/** The mesa's annotations, or `null` where there is no provider (the canvas works without). */
export function useAnnotations(): Annotations | null {
  return useContext(AnnotationsContext);
}
