import { setRoadmapDate } from '@cocrea/collab';
import type * as Y from 'yjs';
import { Field } from '../ui/Field';
import { useRoadmap } from './RoadmapContext';
import { useMapString } from './useYValues';

interface Props {
  /** The map holding the date: the roadmap's `fields`, or an activity. */
  map: Y.Map<unknown> | undefined;
  which: 'startDate' | 'endDate';
  /** The activity, or `undefined` for the commitment's own dates. */
  itemId?: string;
  testId: string;
  label: string;
  hideLabel?: boolean;
}

/** An `<input type="date">` bound to a roadmap date with `setRoadmapDate`. */
export function DateField({ map, which, itemId, testId, label, hideLabel = false }: Props) {
  const { doc, disabled } = useRoadmap();
  const value = useMapString(map, which);
  return (
    <Field label={label} hideLabel={hideLabel}>
      <input
        type="date"
        data-testid={testId}
        value={value}
        disabled={disabled || !map}
        onChange={(e) => setRoadmapDate(doc, which, e.target.value, itemId)}
      />
    </Field>
  );
}
