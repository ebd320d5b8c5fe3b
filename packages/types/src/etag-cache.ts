/**
 * The client's optional memory of validators: the last `ETag` and body of
 * each URL it read. With it, a read of the same URL sends `If-None-Match` and
 * a `304 Not Modified` (no body, not counted as content) returns the copy.
 * Least recently used entries go first once `maxEntries` is reached.
 */
export interface CachedResponse {
  etag: string;
  data: unknown;
}

export class EtagCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(readonly maxEntries: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
