/**
 * The statistics of detector accountability (docs/detectors.md, "The estimator"): Wilson score
 * intervals for one group, with the finite-population correction when the group is small enough to
 * be reviewed in full, and the MOVER combination of the groups of a stratified design.
 */

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** A rate and its 95 % interval; `estimate` is null when some part of the population has no decided case. */
export interface RateInterval {
  estimate: number | null;
  low: number;
  high: number;
}

/** One stratum: how many suspensions it holds, how many of them were decided at random, how many found wrong. */
export interface Stratum {
  population: number;
  decided: number;
  wrong: number;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The Wilson score interval of `wrong` out of `decided`. With a `population`, the decided cases are a
 * sample drawn without replacement from it: the effective sample size grows by (N − 1) / (N − n), so a
 * group decided in full has no sampling error left. Null when nothing is decided.
 */
export function wilson(wrong: number, decided: number, population?: number, z = Z_95): RateInterval | null {
  if (decided <= 0) return null;
  const p = wrong / decided;
  if (population !== undefined && decided >= population) return { estimate: p, low: p, high: p };
  const n = population === undefined ? decided : (decided * (population - 1)) / (population - decided);
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: p,
    low: p === 0 ? 0 : clamp(centre - half),
    high: p === 1 ? 1 : clamp(centre + half),
  };
}

/**
 * The rate over the whole population, Σ W_h p_h with W_h = N_h / N, and its 95 % interval by MOVER
 * (the "method of variance estimates recovery", Zou & Donner 2008): each stratum's Wilson limits
 * recover its variance on each side, so L = θ − √Σ W_h² (p_h − l_h)², U = θ + √Σ W_h² (u_h − p_h)².
 * With one stratum it is that stratum's Wilson interval. A stratum with members but no decided case
 * may hold anything between none and all wrong: it adds 0 to the low and W_h to the high limit, and
 * leaves the estimate unknown. Null for an empty population.
 */
export function stratifiedRate(strata: readonly Stratum[], z = Z_95): RateInterval | null {
  const total = strata.reduce((sum, s) => sum + s.population, 0);
  if (total <= 0) return null;
  let estimate = 0;
  let below = 0;
  let above = 0;
  let unknown = 0;
  for (const s of strata) {
    if (s.population <= 0) continue;
    const weight = s.population / total;
    const interval = wilson(s.wrong, s.decided, s.population, z);
    if (!interval) {
      unknown += weight;
      continue;
    }
    const p = interval.estimate!;
    estimate += weight * p;
    below += (weight * (p - interval.low)) ** 2;
    above += (weight * (interval.high - p)) ** 2;
  }
  return {
    estimate: unknown > 0 ? null : estimate,
    low: clamp(estimate - Math.sqrt(below)),
    high: clamp(estimate + Math.sqrt(above) + unknown),
  };
}

/**
 * The number of sample cases that gives a Wilson interval about `width` wide (high − low) around a
 * rate near `expected`, from a population of `population`: the console's "draw a sample" offers it.
 */
export function sampleSizeForWidth(width: number, expected: number, population: number, z = Z_95): number {
  const p = Math.min(0.5, Math.max(0.01, expected));
  const n0 = Math.ceil((4 * z * z * p * (1 - p)) / (width * width));
  // finite population: n = n0 / (1 + (n0 − 1) / N)
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / Math.max(1, population))));
}
