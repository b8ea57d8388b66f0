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
  description: string | null;
  createdBy: string;
  createdAt: Date;
  statistics: WaveStatistics;
  /** Overturn rate ≥ 30 % with at least 10 decided appeals — the detector is probably wrong. */
  flagged: boolean;
}
