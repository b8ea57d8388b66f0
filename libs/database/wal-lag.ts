/**
 * How far a replica trails its primary, in time, judged by WAL positions only: the primary's current
 * LSN is sampled over time, and a replica that has replayed up to LSN R holds every write made while
 * the primary was at or below R — so it misses at most what was written since the last sample at or
 * below R. An idle primary writes no WAL, and its caught-up replica is 0 ms behind however long ago its
 * last replay was (the timestamp-based measure grows then).
 */
export class WalLag {
  /** (time, primary LSN in bytes), oldest first, LSNs never decreasing. */
  private readonly samples: { at: number; lsn: number }[] = [];

  constructor(private readonly historyMs: number) {}

  /** A sample of the primary's current LSN, taken at `at` (ms). */
  primaryAt(at: number, lsn: number): void {
    this.samples.push({ at, lsn });
    while (this.samples.length > 2 && this.samples[1].at < at - this.historyMs) this.samples.shift();
  }

  /**
   * How many ms behind the primary a replica replayed up to `replayedLsn` is at `now`: 0 when it has
   * everything the newest sample has; Infinity when it is behind even the oldest sample kept.
   */
  lagMs(now: number, replayedLsn: number): number {
    const newest = this.samples.at(-1);
    if (!newest) return Infinity;
    if (replayedLsn >= newest.lsn) return 0;
    for (let i = this.samples.length - 1; i >= 0; i -= 1)
      if (this.samples[i].lsn <= replayedLsn) return now - this.samples[i].at;
    return Infinity;
  }
}
