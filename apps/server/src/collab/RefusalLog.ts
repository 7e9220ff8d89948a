import type { Logger } from '../logger';

/** How refused documents are logged: at most `perWindow` lines, then one summary per window. */
export interface RefusalLogOptions {
  /** Length of a window, in milliseconds. */
  windowMs?: number;
  /** Refusals logged one by one in each window; the rest are only counted. */
  perWindow?: number;
}

/**
 * Logs refused documents without letting a client write the log: a socket may ask for thousands
 * of document names a second, each refused. The first `perWindow` refusals of a window are logged
 * one line each; the others are counted by reason and reported in one line when the window ends.
 */
export class RefusalLog {
  private readonly windowMs: number;
  private readonly perWindow: number;
  private logged = 0;
  private suppressed = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    options: RefusalLogOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.perWindow = options.perWindow ?? 20;
  }

  /** Records one refused document. */
  refused(documentName: string, reason: string): void {
    this.timer ??= setTimeout(() => this.flush(), this.windowMs).unref();
    if (this.logged < this.perWindow) {
      this.logged++;
      this.log.info({ documentName, reason }, 'document refused');
      return;
    }
    this.suppressed.set(reason, (this.suppressed.get(reason) ?? 0) + 1);
  }

  /** Ends the window: reports what was only counted, and starts a new one. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.suppressed.size > 0) {
      const byReason = Object.fromEntries(this.suppressed);
      const total = [...this.suppressed.values()].reduce((a, b) => a + b, 0);
      this.log.warn({ total, byReason }, 'more documents refused (not logged one by one)');
    }
    this.logged = 0;
    this.suppressed = new Map();
  }
}
