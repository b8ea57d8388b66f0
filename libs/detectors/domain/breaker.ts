import type { RateInterval } from './estimator';

/** What a judgement does to a detector version: flag it, clear its flag, or nothing. */
export type BreakerMove = 'flag' | 'clear' | null;

/**
 * The breaker trips when the lower 95 % bound of the version's false-positive rate exceeds the
 * threshold, and resets once the estimate itself is back at or under it (or no decided case is left).
 * The band between the two is hysteresis: a lower bound that wobbles around the threshold while the
 * first few dozen cases are decided must not flap, so the platform hears once per crossing.
 */
export function judge(rate: RateInterval | null, threshold: number, flagged: boolean): BreakerMove {
  if (!flagged) return rate !== null && rate.low > threshold ? 'flag' : null;
  // an unknown estimate (strata not yet sampled) is no evidence that the rate fell
  const backUnder = rate === null || (rate.estimate !== null && rate.estimate <= threshold);
  return backUnder ? 'clear' : null;
}
