import type { RateInterval } from './estimator';

/** What a judgement does to a detector version: flag it, clear its flag, or nothing. */
export type BreakerMove = 'flag' | 'clear' | null;

/**
 * The breaker trips when the lower 95 % bound of the version's false-positive rate exceeds the
 * threshold, and resets once a later lower bound is back at or under it. Moves only on a change, so
 * the platform hears once per crossing, not once per decision.
 */
export function judge(rate: RateInterval | null, threshold: number, flagged: boolean): BreakerMove {
  const over = rate !== null && rate.low > threshold;
  if (over && !flagged) return 'flag';
  if (!over && flagged) return 'clear';
  return null;
}
