import { useCallback, useState } from 'react';

/** A set of picked ids (checkboxes) and the ways to change it. */
export interface Picked {
  picked: ReadonlySet<string>;
  /** Picks `id` or lets it go. */
  toggle: (id: string, on: boolean) => void;
  /** Lets every id go. */
  clear: () => void;
}

/** The ids picked in a list of checkboxes, none at first. */
export function usePicked(): Picked {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setPicked(new Set()), []);
  return { picked, toggle, clear };
}
