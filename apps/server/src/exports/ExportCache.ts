/**
 * Rendered files of content that never changes (a finalized commitment version), least recently
 * used first out, within a budget of bytes. A file larger than a quarter of the budget is not
 * kept: one poster-sized PNG must not evict everything else.
 */
export class ExportCache {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The cached bytes under `key`, now the most recently used. */
  get(key: string): Uint8Array | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `body` under `key`, evicting the least recently used entries beyond the budget. */
  set(key: string, body: Uint8Array): void {
    if (body.byteLength > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }

  /** How many files and bytes are kept. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
