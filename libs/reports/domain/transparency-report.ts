/**
 * The transparency report as it is served (JSON keys, ISO times). Which timestamp puts
 * an item into the period [from, to):
 * - appeals received: `submittedAt`;
 * - decisions, reversal rate, time to decision: `decidedAt` (time to decision = decidedAt − submittedAt);
 * - SLA breaches: `decisionDueAt`, the moment the breach happened;
 * - suspensions and their automation shares: `suspendedAt`;
 * - refunds paid: `paidAt`;
 * - wave rows: each column by the timestamp of its own kind above;
 * - sampled reviews: opened by `submittedAt`, decided by `decidedAt`.
 * Appeals, decisions, SLA breaches and wave rows count the appeals people filed; the review cases a
 * sampled review of a detector opened are counted apart, under `sampledReviews`.
 */
export interface TransparencyReport {
  period: { from: string; to: string };
  generatedAt: string;
  appealsReceived: { total: number; byReasonCode: Record<string, number> };
  decisions: {
    total: number;
    byOutcome: Record<string, number>;
    /** (overturned + modified) / decided; null without decisions. */
    reversalRate: number | null;
    medianHoursToDecision: number | null;
    p90HoursToDecision: number | null;
  };
  slaBreaches: number;
  sampledReviews: {
    opened: number;
    decided: number;
    byOutcome: Record<string, number>;
    /** (overturned + modified) / decided: how often a review found a silent person's suspension wrong. */
    reversalRate: number | null;
  };
  suspensions: {
    total: number;
    automatedDetections: number;
    automatedDecisions: number;
    automatedDetectionShare: number | null;
    automatedDecisionShare: number | null;
  };
  refundsPaid: { count: number; byCurrency: RefundsPaidInCurrency[] };
  waves: WaveReportRow[];
}

export interface RefundsPaidInCurrency {
  currency: string;
  count: number;
  amount: { amountMinor: number; currency: string };
}

export interface WaveReportRow {
  waveId: string;
  name: string;
  suspensions: number;
  appeals: number;
  decided: number;
  overturned: number;
  /** overturned / decided (outcome `overturned` only, as for the wave's `flagged` rule); null without decisions. */
  overturnRate: number | null;
}

/** A share that has no meaning without a denominator is null, not 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
