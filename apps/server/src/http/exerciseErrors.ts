import { HttpError } from './errors';

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Error factories of the exercise routes (docs/api-exercise.md), so each refusal reads the same everywhere. */
export const exerciseErrors = {
  exerciseNotFound: () => new HttpError(404, 'exercise_not_found', 'No existe ese ejercicio de Gobierno Abierto.'),
  memberNotFound: () => new HttpError(404, 'not_found', 'No existe esa persona u organización en el registro de integrantes.'),
  eventNotFound: () => new HttpError(404, 'not_found', 'No existe ese evento de sensibilización.'),
  fileNotFound: () => new HttpError(404, 'not_found', 'No existe ese archivo.'),
  activityNotFound: () => new HttpError(404, 'not_found', 'Esa actividad no está en la hoja de ruta de ningún compromiso del PAM.'),
  /** Publishing an exercise's PAM before the STM is complete and every sector approved it. */
  publicationIncomplete: (missing: string[]) =>
    new HttpError(422, 'publication_incomplete', `Aún no se puede publicar el PAM: ${count(missing.length, 'requisito pendiente', 'requisitos pendientes')}.`, {
      missing,
    }),
  /** An activity update the domain's rules refuse (`applyProgress`): every reason, in order. */
  progressRefused: (problems: string[]) => new HttpError(422, 'progress_refused', problems.join(' '), { problems }),
  /** A record the domain's rules refuse (monitoring, evaluation, a kit to publish…). */
  recordRefused: (problems: string[]) => new HttpError(422, 'record_refused', problems.join(' '), { problems }),
  /** A reference (an integrante, an event, a file, a mesa) that the exercise does not have. */
  badReference: (field: string, message: string) => new HttpError(422, 'record_refused', message, { problems: [message], field }),
  fileRefused: (status: 413 | 415 | 422, message: string) => new HttpError(status, 'file_refused', message),
  conflict: (message: string) => new HttpError(409, 'transition_refused', message),
};
