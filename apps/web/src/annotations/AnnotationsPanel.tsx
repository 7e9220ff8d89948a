import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useAnnotations } from './AnnotationsContext';
import { NoteForm } from './NoteForm';
import { ThreadCard } from './ThreadCard';
import { useNodeSummary } from './useNodeSummary';

interface Props {
  nodeId: string;
  treeDoc: Y.Doc;
  /** The server refused one of our changes: the panel turns read-only and says so. */
  refused: boolean;
  onClose: () => void;
}

/**
 * The drawer (a bottom sheet on phones) with the annotations of one cause or effect: open
 * threads first, resolved ones folded away, and the note form for experts and facilitators.
 */
export function AnnotationsPanel({ nodeId, treeDoc, refused, onClose }: Props) {
  const { t } = useTranslation();
  const annotations = useAnnotations();
  const node = useNodeSummary(treeDoc, nodeId);
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  if (!annotations) return null;
  const { threads, rights, doc } = annotations;
  const mine = threads.filter((th) => th.targetNodeId === nodeId);
  const open = mine.filter((th) => th.resolved === null);
  const resolved = mine.filter((th) => th.resolved !== null);
  const kindLabel = node ? t(`tree.kind.${node.kind}`) : t('annotations.deletedNode');

  return (
    <aside className="annotations-panel" data-testid="annotations-panel" data-node-id={nodeId} aria-labelledby="annotations-panel-title">
      <header className="annotations-panel__header">
        <div className="annotations-panel__titles">
          <h2 id="annotations-panel-title" ref={heading} tabIndex={-1}>
            {t('annotations.title')}
          </h2>
          <p className={`annotations-panel__node annotations-panel__node--${node?.kind ?? 'gone'}`}>
            <span className="annotations-panel__node-kind">{kindLabel}</span>
            {node && <span className="annotations-panel__node-text">{node.text.trim() || t('tree.untitled')}</span>}
          </p>
        </div>
        <button type="button" className="icon-button annotations-panel__close" data-testid="annotations-close" aria-label={t('annotations.close')} onClick={onClose}>
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="annotations-panel__body">
        {refused && (
          <p className="alert annotations-panel__alert" role="alert" data-testid="annotations-refused">
            {t('annotations.refused')}
          </p>
        )}
        {doc === null && !refused && <p className="muted">{t('annotations.loading')}</p>}

        {rights.addNote && doc !== null && (
          adding ? (
            <NoteForm doc={doc} nodeId={nodeId} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="button button--primary button--block" data-testid="annotation-add" onClick={() => setAdding(true)}>
              {t('annotations.add')}
            </button>
          )
        )}

        {doc !== null && mine.length === 0 && !adding && <p className="annotations-panel__empty">{t('annotations.empty')}</p>}

        <ol className="annotations-panel__threads" aria-label={t('annotations.openThreads', { count: open.length })}>
          {open.map((th) => (
            <li key={th.id}>
              <ThreadCard thread={th} />
            </li>
          ))}
        </ol>

        {resolved.length > 0 && (
          <details className="annotations-panel__resolved" data-testid="annotations-resolved">
            <summary>{t('annotations.resolvedThreads', { count: resolved.length })}</summary>
            <ol className="annotations-panel__threads">
              {resolved.map((th) => (
                <li key={th.id}>
                  <ThreadCard thread={th} />
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </aside>
  );
}
