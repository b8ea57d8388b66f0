import { transparencyCsvRows } from './transparency-csv';
import type { TransparencyReport } from './transparency-report';

const report: TransparencyReport = {
  period: { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' },
  generatedAt: '2025-02-01T08:00:00.000Z',
  appealsReceived: { total: 3, byReasonCode: { model_distillation: 2, spam: 1 } },
  decisions: {
    total: 0,
    byOutcome: { upheld: 0, overturned: 0, modified: 0 },
    reversalRate: null,
    medianHoursToDecision: null,
    p90HoursToDecision: null,
  },
  slaBreaches: 1,
  sampledReviews: {
    opened: 5,
    decided: 4,
    byOutcome: { upheld: 3, overturned: 1, modified: 0 },
    reversalRate: 0.25,
  },
  suspensions: {
    total: 4,
    automatedDetections: 3,
    automatedDecisions: 1,
    automatedDetectionShare: 0.75,
    automatedDecisionShare: 0.25,
  },
  refundsPaid: {
    count: 2,
    byCurrency: [
      { currency: 'EUR', count: 1, amount: { amountMinor: 500, currency: 'EUR' } },
      { currency: 'USD', count: 1, amount: { amountMinor: 1250, currency: 'USD' } },
    ],
  },
  waves: [
    {
      waveId: 'w1',
      name: 'VPN relays',
      suspensions: 4,
      appeals: 3,
      decided: 0,
      overturned: 0,
      overturnRate: null,
    },
  ],
};

describe('transparencyCsvRows', () => {
  it('lays every figure out as one section,key,metric,value row', () => {
    expect(transparencyCsvRows(report)).toEqual([
      ['period', 'report', 'from', '2025-01-01T00:00:00.000Z'],
      ['period', 'report', 'to', '2025-02-01T00:00:00.000Z'],
      ['period', 'report', 'generated_at', '2025-02-01T08:00:00.000Z'],
      ['appeals_received', 'model_distillation', 'count', '2'],
      ['appeals_received', 'spam', 'count', '1'],
      ['appeals_received', 'total', 'count', '3'],
      ['decisions', 'upheld', 'count', '0'],
      ['decisions', 'overturned', 'count', '0'],
      ['decisions', 'modified', 'count', '0'],
      ['decisions', 'total', 'count', '0'],
      ['decisions', 'total', 'reversal_rate', ''],
      ['decisions', 'total', 'median_hours_to_decision', ''],
      ['decisions', 'total', 'p90_hours_to_decision', ''],
      ['sla_breaches', 'total', 'count', '1'],
      ['sampled_reviews', 'total', 'opened', '5'],
      ['sampled_reviews', 'upheld', 'count', '3'],
      ['sampled_reviews', 'overturned', 'count', '1'],
      ['sampled_reviews', 'modified', 'count', '0'],
      ['sampled_reviews', 'total', 'count', '4'],
      ['sampled_reviews', 'total', 'reversal_rate', '0.25'],
      ['suspensions', 'total', 'count', '4'],
      ['suspensions', 'automated_detection', 'count', '3'],
      ['suspensions', 'automated_detection', 'share', '0.75'],
      ['suspensions', 'automated_decision', 'count', '1'],
      ['suspensions', 'automated_decision', 'share', '0.25'],
      ['refunds_paid', 'total', 'count', '2'],
      ['refunds_paid', 'EUR', 'count', '1'],
      ['refunds_paid', 'EUR', 'amount_minor', '500'],
      ['refunds_paid', 'USD', 'count', '1'],
      ['refunds_paid', 'USD', 'amount_minor', '1250'],
      ['wave', 'w1', 'name', 'VPN relays'],
      ['wave', 'w1', 'suspensions', '4'],
      ['wave', 'w1', 'appeals', '3'],
      ['wave', 'w1', 'decided', '0'],
      ['wave', 'w1', 'overturned', '0'],
      ['wave', 'w1', 'overturn_rate', ''],
    ]);
  });
});
