import type { Stamp } from '@cocrea/domain';
import { useFormats } from './useFormats';

/** One step of a status stepper. */
export interface Step {
  key: string;
  label: string;
  /** Who took the step and when; `null` when not (yet) recorded. */
  stamp: Stamp | null;
}

interface Props {
  steps: Step[];
  /** The current status: steps up to it are done. */
  current: string;
  testId: string;
  label: string;
}

/** A horizontal (vertical on phones) list of statuses, the done ones with who and when. */
export function StatusStepper({ steps, current, testId, label }: Props) {
  const f = useFormats();
  const at = steps.findIndex((s) => s.key === current);
  return (
    <ol className="stepper" data-testid={testId} data-status={current} aria-label={label}>
      {steps.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={s.key} className={`stepper__step stepper__step--${state}`} aria-current={i === at ? 'step' : undefined}>
            <span className="stepper__dot" aria-hidden="true">
              {i <= at ? '✓' : i + 1}
            </span>
            <span className="stepper__text">
              <span className="stepper__label">{s.label}</span>
              {i <= at && s.stamp && <span className="stepper__stamp">{f.stamp(s.stamp)}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
