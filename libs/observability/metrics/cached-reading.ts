/**
 * A reading (SQL or Redis) taken at most once per `maxAgeMs`, however many scrapes ask: concurrent
 * scrapes share the reading in flight, and later ones reuse it until it is older than that.
 */
export class CachedReading<T> {
  private value?: { at: number; result: Promise<T> };

  constructor(
    private readonly read: () => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (this.value && now - this.value.at < this.maxAgeMs) return this.value.result;
    const result = this.read();
    this.value = { at: now, result };
    // a failed reading is not kept: the next scrape tries again
    result.catch(() => (this.value = undefined));
    return result;
  }
}
