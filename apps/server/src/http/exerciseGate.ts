import type { Response } from 'express';
import { exerciseAllows, type ExerciseAction } from '../auth/exercisePolicy';
import type { Principal } from '../auth/principal';
import { authOf, denialError } from './auth';

/**
 * Applies auth/exercisePolicy.ts to a request, like `Gate.check`: the principal when `action` is
 * allowed, otherwise 401 (nobody identified) or 403. Routes call it before reading a body.
 */
export function checkExercise(res: Response, action: ExerciseAction): Principal {
  const p = authOf(res).principal;
  const d = exerciseAllows(p, action);
  if (!d.ok) throw denialError(d.denial, res);
  return p as Principal;
}

/** Whether the caller may take `action` (for what a view shows, not for refusing). */
export function mayExercise(res: Response, action: ExerciseAction): boolean {
  return exerciseAllows(authOf(res).principal, action).ok;
}
