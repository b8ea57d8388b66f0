import fc from 'fast-check';
import { judge } from './breaker';
import { stratifiedRate, wilson, type Stratum } from './estimator';

/** A small seeded generator (mulberry32), so every run of a property replays the same draws. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `n` drawn without replacement from `population` (of which `wrong` are wrong) are wrong. */
function drawWrong(population: number, wrong: number, n: number, next: () => number): number {
  let left = wrong;
  let found = 0;
  for (let i = 0; i < n; i += 1) {
    if (next() < left / (population - i)) {
      found += 1;
      left -= 1;
    }
  }
  return found;
}

interface Design {
  population: number;
  appealShare: number;
  decidedShare: number;
  appealedWrong: number;
  silentWrong: number;
  sampleSize: number;
  seed: number;
}

const REPLICATIONS = 300;

/** The share of replications whose interval holds the true rate of the whole population. */
function coverage(d: Design): number {
  const appealed = Math.round(d.population * d.appealShare);
  const silent = d.population - appealed;
  const wrongAppealed = Math.round(appealed * d.appealedWrong);
  const wrongSilent = Math.round(silent * d.silentWrong);
  const truth = (wrongAppealed + wrongSilent) / d.population;
  const decided = Math.max(1, Math.round(appealed * d.decidedShare));
  const sample = Math.min(silent, d.sampleSize);
  const next = random(d.seed);
  let held = 0;
  for (let r = 0; r < REPLICATIONS; r += 1) {
    const strata: Stratum[] = [
      { population: appealed, decided, wrong: drawWrong(appealed, wrongAppealed, decided, next) },
      { population: silent, decided: sample, wrong: drawWrong(silent, wrongSilent, sample, next) },
    ];
    const rate = stratifiedRate(strata)!;
    if (rate.low <= truth && truth <= rate.high) held += 1;
  }
  return held / REPLICATIONS;
}

describe('wilson', () => {
  it('gives the textbook interval (Wilson 1927): 50 of 200', () => {
    const w = wilson(50, 200)!;
    expect(w.estimate).toBe(0.25);
    expect(w.low).toBeCloseTo(0.1951, 3);
    expect(w.high).toBeCloseTo(0.3143, 3);
  });

  it('stays inside [0, 1] at the edges and is null without decided cases', () => {
    expect(wilson(0, 20)).toEqual({ estimate: 0, low: 0, high: expect.closeTo(0.161, 2) });
    expect(wilson(20, 20)!.high).toBe(1);
    expect(wilson(0, 0)).toBeNull();
  });

  it('narrows as the sample covers more of a finite population, to no width for a census', () => {
    const infinite = wilson(50, 200)!;
    const tenth = wilson(50, 200, 2_000)!;
    expect(tenth.high - tenth.low).toBeLessThan(infinite.high - infinite.low);
    expect(wilson(50, 200, 200)).toEqual({ estimate: 0.25, low: 0.25, high: 0.25 });
  });
});

describe('stratifiedRate', () => {
  it('is the Wilson interval of the only stratum with members', () => {
    const alone = stratifiedRate([
      { population: 0, decided: 0, wrong: 0 },
      { population: 2_000, decided: 200, wrong: 50 },
    ]);
    expect(alone).toEqual(wilson(50, 200, 2_000));
  });

  it('weights each stratum by its share of the population, not by its decided cases', () => {
    // 100 appealed, all decided, 80 % wrong; 1,900 silent, 200 sampled, 10 % wrong
    const rate = stratifiedRate([
      { population: 100, decided: 100, wrong: 80 },
      { population: 1_900, decided: 200, wrong: 20 },
    ])!;
    expect(rate.estimate).toBeCloseTo(0.05 * 0.8 + 0.95 * 0.1, 10);
    expect(rate.low).toBeLessThan(rate.estimate!);
    expect(rate.high).toBeGreaterThan(rate.estimate!);
  });

  it('bounds a stratum with no decided case by none and all wrong, and has no estimate', () => {
    const rate = stratifiedRate([
      { population: 500, decided: 500, wrong: 400 },
      { population: 1_500, decided: 0, wrong: 0 },
    ])!;
    expect(rate).toEqual({ estimate: null, low: 0.2, high: 0.2 + 0.75 });
  });

  it('is null for an empty population', () => {
    expect(stratifiedRate([])).toBeNull();
  });

  it('holds the true rate in about 95 % of replications, whatever the design (property)', () => {
    const design = fc.record({
      population: fc.integer({ min: 400, max: 5_000 }),
      appealShare: fc.double({ min: 0.01, max: 0.4, noNaN: true }),
      decidedShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
      appealedWrong: fc.double({ min: 0, max: 0.95, noNaN: true }),
      silentWrong: fc.double({ min: 0, max: 0.5, noNaN: true }),
      sampleSize: fc.integer({ min: 30, max: 500 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    // 300 replications each: a design whose true coverage is 95 % shows under 90 % in fewer than 1 in 10,000
    fc.assert(
      fc.property(design, (d) => coverage(d) >= 0.9),
      { numRuns: 40, seed: 20251202 },
    );
  });
});

describe('judge (the breaker)', () => {
  const rate = (low: number, estimate: number | null = low + 0.05) => ({ estimate, low, high: low + 0.1 });
  it('flags once the lower bound passes the threshold', () => {
    expect(judge(rate(0.11), 0.1, false)).toBe('flag');
    expect(judge(rate(0.1), 0.1, false)).toBeNull();
    expect(judge(null, 0.1, false)).toBeNull();
  });
  it('clears only once the estimate is back at or under it, so a wobbling lower bound does not flap', () => {
    expect(judge(rate(0.11), 0.1, true)).toBeNull();
    expect(judge(rate(0.05, 0.14), 0.1, true)).toBeNull();
    expect(judge(rate(0.05, null), 0.1, true)).toBeNull();
    expect(judge(rate(0.04, 0.1), 0.1, true)).toBe('clear');
    expect(judge(null, 0.1, true)).toBe('clear');
  });
});
