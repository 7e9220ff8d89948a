import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `null` hides "Ordenar" (a read-only tree). */
  onTidy: (() => void) | null;
  onFit: () => void;
}

/** Floating toolbar over the canvas: tidy layout and fit view (labels collapse to icons on phones). */
export function CanvasToolbar({ onTidy, onFit }: Props) {
  const { t } = useTranslation();
  return (
    <Panel position="top-left" className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {onTidy && (
        <button type="button" className="tool-button" data-testid="tidy-layout" title={t('toolbar.tidyLabel')} onClick={onTidy}>
          <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <rect x="9" y="3" width="6" height="5" rx="1" />
            <rect x="3" y="16" width="6" height="5" rx="1" />
            <rect x="15" y="16" width="6" height="5" rx="1" />
            <path d="M12 8v4M6 16v-4h12v4" />
          </svg>
          <span className="tool-button__label">{t('toolbar.tidy')}</span>
        </button>
      )}
      <button type="button" className="tool-button" data-testid="fit-view" title={t('toolbar.fitLabel')} onClick={onFit}>
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" strokeLinecap="round" />
        </svg>
        <span className="tool-button__label">{t('toolbar.fit')}</span>
      </button>
    </Panel>
  );
}
