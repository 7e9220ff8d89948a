import { TEXT_LIMITS } from '@cocrea/collab';
import type * as Y from 'yjs';
import { useBoundText } from '../collab/useBoundText';
import { Field } from '../ui/Field';
import { useRoadmap } from './RoadmapContext';

interface Props {
  text: Y.Text | undefined;
  testId: string;
  label: string;
  /** A textarea instead of a one-line input. */
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** The label is read by screen readers only (tables of items). */
  hideLabel?: boolean;
}

/** A labelled input or textarea co-edited through a Y.Text; disabled while the roadmap is read-only. */
export function BoundField({ text, testId, label, multiline = false, placeholder, maxLength = TEXT_LIMITS.roadmapField, hideLabel = false }: Props) {
  const { disabled } = useRoadmap();
  return (
    <Field label={label} hideLabel={hideLabel}>
      {multiline ? (
        <BoundTextArea text={text} testId={testId} disabled={disabled} placeholder={placeholder} maxLength={maxLength} />
      ) : (
        <BoundInput text={text} testId={testId} disabled={disabled} placeholder={placeholder} maxLength={maxLength} />
      )}
    </Field>
  );
}

interface ElementProps {
  text: Y.Text | undefined;
  testId: string;
  disabled: boolean;
  placeholder: string | undefined;
  maxLength: number;
}

function BoundInput({ text, testId, disabled, placeholder, maxLength }: ElementProps) {
  const { ref, onInput } = useBoundText<HTMLInputElement>(text);
  return <input ref={ref} data-testid={testId} onInput={onInput} disabled={disabled || !text} placeholder={placeholder} maxLength={maxLength} autoComplete="off" />;
}

function BoundTextArea({ text, testId, disabled, placeholder, maxLength }: ElementProps) {
  const { ref, onInput } = useBoundText<HTMLTextAreaElement>(text);
  return <textarea ref={ref} data-testid={testId} onInput={onInput} disabled={disabled || !text} placeholder={placeholder} maxLength={maxLength} rows={2} />;
}
