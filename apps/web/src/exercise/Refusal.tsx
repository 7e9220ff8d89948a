import { problemsOf } from '../api/exercises';
import { useExercise } from './ExerciseContext';

/**
 * The server's refusal of the action `source`, as it came: its message and, when it lists several
 * problems (`422` with `details.problems` or `details.missing`), each on its own line.
 */
export function Refusal({ source, testId = 'action-error' }: { source: string; testId?: string }) {
  const { actions } = useExercise();
  const err = actions.error;
  if (!err || err.source !== source) return null;
  const problems = problemsOf(err.cause) ?? [];
  const joined = problems.join(' ');
  return (
    <div className="alert refusal" role="alert" data-testid={testId} data-source={source}>
      {err.message !== joined && <p className="refusal__message">{err.message}</p>}
      {problems.length > 0 && (
        <ul className="refusal__problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
