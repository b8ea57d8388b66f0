import type { DetectorRef } from '@redress/kernel';
import { stratifiedRate, wilson, type RateInterval } from './estimator';

/**
 * What one detector version's suspensions came to. "Overturned" counts the decisions that lifted the
 * suspension (overturned or modified): the detector was wrong about the account.
 */
export interface VersionTally {
  detector: DetectorRef;
  suspensions: number;
  active: number;
  /** Suspensions whose person filed an appeal (the appellant stratum). */
  appealsFiled: number;
  appealsDecided: number;
  appealsOverturned: number;
  samplesOpened: number;
  samplesOpen: number;
  samplesDecided: number;
  samplesOverturned: number;
}

export interface VersionFigures {
  /** appealsFiled / suspensions. */
  appealRate: number;
  /** Among decided appeals, plain Wilson: what appellants won, not the detector's error rate. */
  overturnRate: RateInterval | null;
  /** Among the silent (suspensions nobody appealed), from the decided sample cases. */
  silentFalsePositiveRate: RateInterval | null;
  /** Over all the version's suspensions: appellants and the silent, each weighted by its share (the breaker's). */
  falsePositiveRate: RateInterval | null;
}

/** The suspensions nobody appealed: the population the sample is drawn from (and stands for). */
export const silentCount = (t: VersionTally): number => t.suspensions - t.appealsFiled;

export function versionFigures(t: VersionTally): VersionFigures {
  const silent = silentCount(t);
  return {
    appealRate: t.suspensions === 0 ? 0 : t.appealsFiled / t.suspensions,
    overturnRate: wilson(t.appealsOverturned, t.appealsDecided),
    silentFalsePositiveRate: wilson(t.samplesOverturned, t.samplesDecided, silent),
    falsePositiveRate: stratifiedRate([
      { population: t.appealsFiled, decided: t.appealsDecided, wrong: t.appealsOverturned },
      { population: silent, decided: t.samplesDecided, wrong: t.samplesOverturned },
    ]),
  };
}
