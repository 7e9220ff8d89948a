import { createContext, useContext } from 'react';
import type { ExerciseView } from '../api/exerciseTypes';
import type { Role } from '../session/permissions';
import type { Actions } from '../ui/useAction';

/** The exercise a page shows, what the signed-in account may do with it, and how to refresh it. */
export interface ExerciseScope {
  view: ExerciseView;
  role: Role;
  /** Staff: run the exercise (everything but approving for a seat). */
  manage: boolean;
  /** Loads the exercise again, keeping what is shown until it answers. */
  reload: () => void;
  /** The page's actions: one runs at a time and its refusal shows beside it. */
  actions: Actions;
}

/** Provided by `ExercisePage`. */
export const ExerciseContext = createContext<ExerciseScope | null>(null);

/** The exercise of the page; throws outside `ExercisePage`. */
export function useExercise(): ExerciseScope {
  const v = useContext(ExerciseContext);
  if (!v) throw new Error('useExercise outside ExercisePage');
  return v;
}
