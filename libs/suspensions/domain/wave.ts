export interface WaveStatistics {
  suspensions: number;
  appealsFiled: number;
  appealsOpen: number;
  /** active suspensions nobody appealed: what a wave-wide decision with includeUnappealed would lift */
  unappealedActive: number;
  appealsDecided: number;
  overturned: number;
  /** overturned / decided, 0 when nothing is decided yet */
  overturnRate: number;
  refundsPaid: { currency: string; count: number; amountMinor: number }[];
}

export interface Wave {
  id: string;
  name: string;
  detector: string;
  /** The version its suspensions are counted under when they name no detector of their own. */
  detectorVersion: string;
  description: string | null;
  createdBy: string;
  createdAt: Date;
  statistics: WaveStatistics;
  /** Overturn rate ≥ 30 % with at least 10 decided appeals — the detector is probably wrong. */
  flagged: boolean;
}

/** The version a wave created without one stands for. */
export const UNVERSIONED = 'unversioned';

/** The detector a wave's suspensions carry when they name none. */
export const waveDetector = (wave: { detector: string; detectorVersion: string | null }) => ({
  name: wave.detector,
  version: wave.detectorVersion ?? UNVERSIONED,
});
