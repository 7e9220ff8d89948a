/** The spinner line shown while something loads or joins: a polite status with its label. */
export function LoadingStatus({ label }: { label: string }) {
  return (
    <p className="mesa-main__loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
