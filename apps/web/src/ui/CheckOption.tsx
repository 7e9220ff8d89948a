import type { CSSProperties, ReactNode } from 'react';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  /** More `data-*` attributes of the checkbox, e.g. the id of what it picks. */
  data?: Record<`data-${string}`, string>;
  disabled?: boolean;
  /** Classes beside `check`. */
  className?: string;
  style?: CSSProperties;
  /** What the box stands for. */
  children: ReactNode;
}

/** A checkbox and its text in one label (`check`). */
export function CheckOption({ checked, onChange, testId, data, disabled, className, style, children }: Props) {
  return (
    <label className={className ? `check ${className}` : 'check'} style={style}>
      <input type="checkbox" data-testid={testId} {...data} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
