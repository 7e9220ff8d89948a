/** A server's refusal, shown beside the action that was refused (`action-error`). */
export function ActionError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p className="alert" role="alert" data-testid="action-error">
      {message}
    </p>
  );
}
