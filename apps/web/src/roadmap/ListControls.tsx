import { useTranslation } from 'react-i18next';
import { useRoadmap } from './RoadmapContext';

/** "Quitar" for one item of a list. */
export function RemoveButton({ testId, label, onClick }: { testId: string; label: string; onClick: () => void }) {
  const { t } = useTranslation();
  const { disabled } = useRoadmap();
  return (
    <button type="button" className="button button--small button--quiet" data-testid={testId} aria-label={label} disabled={disabled} onClick={onClick}>
      {t('roadmap.remove')}
    </button>
  );
}

/** "+ Agregar …" under a list. */
export function AddButton({ testId, label, onClick }: { testId: string; label: string; onClick: () => void }) {
  const { disabled } = useRoadmap();
  return (
    <button type="button" className="button button--small button--add" data-testid={testId} disabled={disabled} onClick={onClick}>
      + {label}
    </button>
  );
}
