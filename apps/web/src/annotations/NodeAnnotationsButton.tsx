import { useTranslation } from 'react-i18next';
import { useAnnotations } from './AnnotationsContext';

/**
 * The speech-bubble button on a cause or effect card: opens its annotations, with the count of
 * open threads as a badge. Hidden from someone who could only look at an empty list.
 */
export function NodeAnnotationsButton({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const annotations = useAnnotations();
  if (!annotations) return null;
  const open = annotations.openCounts.get(nodeId) ?? 0;
  const total = annotations.totalCounts.get(nodeId) ?? 0;
  if (total === 0 && !annotations.rights.addNote) return null;
  const label = open > 0 ? t('annotations.nodeButtonOpen', { count: open }) : t('annotations.nodeButton');

  return (
    <button
      type="button"
      className={`icon-button node-annotations nodrag${open > 0 ? ' has-open' : ''}`}
      data-testid="node-annotations"
      aria-label={label}
      title={label}
      onClick={() => annotations.openFor(nodeId)}
    >
      <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" strokeLinejoin="round" />
      </svg>
      {open > 0 && (
        <span className="node-annotations__badge" data-testid="node-annotations-badge">
          {open}
        </span>
      )}
    </button>
  );
}
