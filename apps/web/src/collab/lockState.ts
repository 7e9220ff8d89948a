/** A `{"type":"locked"}` / `{"type":"unlocked"}` message from the server, and when it arrived. */
export interface LockSignal {
  locked: boolean;
  /** `Date.now()` when it arrived. */
  at: number;
}

/** Parses a stateless payload as a lock message; `null` for anything else (e.g. "saved"). */
export function parseLockMessage(payload: string): boolean | null {
  try {
    const v: unknown = JSON.parse(payload);
    if (typeof v !== 'object' || v === null) return null;
    const type = (v as { type?: unknown }).type;
    return type === 'locked' ? true : type === 'unlocked' ? false : null;
  } catch {
    return null;
  }
}

/**
 * Whether the roadmap is read-only: the newer of two sources wins — the commitment as last
 * loaded (`editable`, from a request started at `loadedAt`) or the server's last lock message.
 */
export function isReadOnly(editable: boolean, loadedAt: number, signal: LockSignal | null): boolean {
  if (signal && signal.at >= loadedAt) return signal.locked;
  return !editable;
}
