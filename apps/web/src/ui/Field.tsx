import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** Marks the label "(opcional)". */
  optional?: boolean;
  /** The label is read by screen readers only (tables of items). */
  hideLabel?: boolean;
  /** A line of help under the control. */
  hint?: string;
  /** The hint's id, for the control's `aria-describedby`. */
  hintId?: string;
  /** The control: an input, a textarea or a select. */
  children: ReactNode;
}

/** A form control with its label (`field`), and optionally "(opcional)" and a hint. */
export function Field({ label, optional = false, hideLabel = false, hint, hintId, children }: Props) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="muted">({t('create.optional')})</span>
          </>
        )}
      </span>
      {children}
      {hint !== undefined && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
    </label>
  );
}
