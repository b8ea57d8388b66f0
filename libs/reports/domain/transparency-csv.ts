import type { TransparencyReport } from './transparency-report';

export const TRANSPARENCY_CSV_COLUMNS = ['section', 'key', 'metric', 'value'] as const;

export type TransparencyCsvRow = [section: string, key: string, metric: string, value: string];

/**
 * The report as one long table, so every figure is one row whatever the number of reason codes,
 * currencies or waves: `section, key, metric, value`. `key` is `total`, a reason code, an outcome,
 * a currency or a wave id; an empty value means "not defined" (a rate without a denominator).
 */
export function transparencyCsvRows(r: TransparencyReport): TransparencyCsvRow[] {
  const rows: TransparencyCsvRow[] = [];
  const add = (section: string, key: string, metric: string, value: string | number | null) =>
    rows.push([section, key, metric, value === null ? '' : String(value)]);

  add('period', 'report', 'from', r.period.from);
  add('period', 'report', 'to', r.period.to);
  add('period', 'report', 'generated_at', r.generatedAt);

  for (const [reason, n] of Object.entries(r.appealsReceived.byReasonCode))
    add('appeals_received', reason, 'count', n);
  add('appeals_received', 'total', 'count', r.appealsReceived.total);

  for (const [outcome, n] of Object.entries(r.decisions.byOutcome)) add('decisions', outcome, 'count', n);
  add('decisions', 'total', 'count', r.decisions.total);
  add('decisions', 'total', 'reversal_rate', r.decisions.reversalRate);
  add('decisions', 'total', 'median_hours_to_decision', r.decisions.medianHoursToDecision);
  add('decisions', 'total', 'p90_hours_to_decision', r.decisions.p90HoursToDecision);

  add('sla_breaches', 'total', 'count', r.slaBreaches);

  add('sampled_reviews', 'total', 'opened', r.sampledReviews.opened);
  for (const [outcome, n] of Object.entries(r.sampledReviews.byOutcome))
    add('sampled_reviews', outcome, 'count', n);
  add('sampled_reviews', 'total', 'count', r.sampledReviews.decided);
  add('sampled_reviews', 'total', 'reversal_rate', r.sampledReviews.reversalRate);

  const s = r.suspensions;
  add('suspensions', 'total', 'count', s.total);
  add('suspensions', 'automated_detection', 'count', s.automatedDetections);
  add('suspensions', 'automated_detection', 'share', s.automatedDetectionShare);
  add('suspensions', 'automated_decision', 'count', s.automatedDecisions);
  add('suspensions', 'automated_decision', 'share', s.automatedDecisionShare);

  add('refunds_paid', 'total', 'count', r.refundsPaid.count);
  for (const c of r.refundsPaid.byCurrency) {
    add('refunds_paid', c.currency, 'count', c.count);
    add('refunds_paid', c.currency, 'amount_minor', c.amount.amountMinor);
  }

  for (const w of r.waves) {
    add('wave', w.waveId, 'name', w.name);
    add('wave', w.waveId, 'suspensions', w.suspensions);
    add('wave', w.waveId, 'appeals', w.appeals);
    add('wave', w.waveId, 'decided', w.decided);
    add('wave', w.waveId, 'overturned', w.overturned);
    add('wave', w.waveId, 'overturn_rate', w.overturnRate);
  }
  return rows;
}
