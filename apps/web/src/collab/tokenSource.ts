/** A short-lived token as the server issues it. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** A token this close to expiry is not worth sending. */
export const TOKEN_MARGIN_MS = 15_000;

interface Options<T> {
  /** Called with every renewed answer (e.g. to remember a new renewal secret). */
  onRenewed?: (issued: T) => void;
  /** Called when a renewal fails (e.g. the mesa was closed); the next call tries again. */
  onFailure?: (error: unknown) => void;
  /** Called when a renewal succeeds after a failure. */
  onRecovered?: () => void;
  now?: () => number;
}

/**
 * Hands out a valid token: the current one while it lasts, else one renewal shared by every
 * concurrent caller. A failed renewal is reported and rejects; the next call asks again.
 */
export function tokenSource<T extends IssuedToken>(first: T, renew: () => Promise<T>, opts: Options<T> = {}): () => Promise<string> {
  const now = opts.now ?? Date.now;
  let current = first;
  let renewing: Promise<T> | null = null;
  let failed = false;
  return async () => {
    if (Date.parse(current.expiresAt) - now() > TOKEN_MARGIN_MS) return current.token;
    renewing ??= renew()
      .then(
        (next) => {
          current = next;
          opts.onRenewed?.(next);
          if (failed) {
            failed = false;
            opts.onRecovered?.();
          }
          return next;
        },
        (error: unknown) => {
          failed = true;
          opts.onFailure?.(error);
          throw error;
        },
      )
      .finally(() => {
        renewing = null;
      });
    return (await renewing).token;
  };
}
