import { ApiProperty } from '@nestjs/swagger';
import type { RefundsPaidInCurrency, TransparencyReport, WaveReportRow } from '@redress/reports';
import { MoneyDto } from '../../common/money.dto';

const RATE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;
const COUNTS = (example: Record<string, number>) =>
  ({ type: 'object', additionalProperties: { type: 'integer' }, example }) as const;

export class ReportPeriodResponse {
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to: string;
}

export class AppealsReceivedResponse {
  @ApiProperty({ description: 'Appeals with submittedAt in the period' }) total: number;
  @ApiProperty({
    ...COUNTS({ model_distillation: 3, payment_fraud: 2, spam: 1 }),
    description: 'Every reason code, 0 when none',
  })
  byReasonCode: Record<string, number>;
}

export class DecisionsResponse {
  @ApiProperty({ description: 'Appeals with decidedAt in the period' }) total: number;
  @ApiProperty({
    ...COUNTS({ upheld: 2, overturned: 2, modified: 1 }),
    description: 'Every outcome, 0 when none',
  })
  byOutcome: Record<string, number>;
  @ApiProperty({
    ...RATE,
    description: '(overturned + modified) / decided; null without decisions',
    example: 0.6,
  })
  reversalRate: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median of decidedAt − submittedAt in hours (percentile_cont, 3 decimals)',
    example: 6,
  })
  medianHoursToDecision: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile, likewise', example: 16 })
  p90HoursToDecision: number | null;
}

export class SuspensionFiguresResponse {
  @ApiProperty({ description: 'Suspensions with suspendedAt in the period' }) total: number;
  @ApiProperty() automatedDetections: number;
  @ApiProperty() automatedDecisions: number;
  @ApiProperty({ ...RATE, description: 'automatedDetections / total; null without suspensions' })
  automatedDetectionShare: number | null;
  @ApiProperty({ ...RATE, description: 'automatedDecisions / total; null without suspensions' })
  automatedDecisionShare: number | null;
}

export class RefundsPaidInCurrencyResponse implements RefundsPaidInCurrency {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: MoneyDto, description: 'Sum of the refunds paid in this currency' }) amount: MoneyDto;
}

export class RefundsPaidResponse {
  @ApiProperty({ description: 'Refunds with paidAt in the period, all currencies' }) count: number;
  @ApiProperty({ type: [RefundsPaidInCurrencyResponse], description: 'Per currency, alphabetical' })
  byCurrency: RefundsPaidInCurrencyResponse[];
}

export class WaveReportRowResponse implements WaveReportRow {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Its suspensions with suspendedAt in the period' }) suspensions: number;
  @ApiProperty({ description: 'Its appeals with submittedAt in the period' }) appeals: number;
  @ApiProperty({ description: 'Its appeals with decidedAt in the period' }) decided: number;
  @ApiProperty({ description: 'Of those, outcome overturned' }) overturned: number;
  @ApiProperty({ ...RATE, description: 'overturned / decided; null without decisions' })
  overturnRate: number | null;
}

/**
 * The transparency report. Each item counts in the period of its own timestamp: appeals by
 * submittedAt, decisions by decidedAt, SLA breaches by decisionDueAt, suspensions by suspendedAt,
 * refunds by paidAt.
 */
export class SampledReviewsResponse {
  @ApiProperty({ description: 'Sample cases opened (submittedAt in the period)' }) opened: number;
  @ApiProperty({ description: 'Sample cases with decidedAt in the period' }) decided: number;
  @ApiProperty({
    ...COUNTS({ upheld: 180, overturned: 20, modified: 0 }),
    description: 'Every outcome, 0 when none',
  })
  byOutcome: Record<string, number>;
  @ApiProperty({
    ...RATE,
    description: '(overturned + modified) / decided; null without decisions',
    example: 0.1,
  })
  reversalRate: number | null;
}

export class TransparencyReportResponse implements TransparencyReport {
  @ApiProperty({ type: ReportPeriodResponse }) period: ReportPeriodResponse;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: AppealsReceivedResponse }) appealsReceived: AppealsReceivedResponse;
  @ApiProperty({ type: DecisionsResponse }) decisions: DecisionsResponse;
  @ApiProperty({
    description:
      'Appeals whose decisionDueAt falls in the period and that breached it: marked by the SLA sweep, ' +
      'or decided after it',
  })
  slaBreaches: number;
  @ApiProperty({
    type: SampledReviewsResponse,
    description:
      'Review cases a sampled review of a detector opened for people who never appealed, counted apart from the appeals above',
  })
  sampledReviews: SampledReviewsResponse;
  @ApiProperty({ type: SuspensionFiguresResponse }) suspensions: SuspensionFiguresResponse;
  @ApiProperty({ type: RefundsPaidResponse }) refundsPaid: RefundsPaidResponse;
  @ApiProperty({
    type: [WaveReportRowResponse],
    description: 'Waves with any suspension, appeal or decision in the period, oldest first',
  })
  waves: WaveReportRowResponse[];
}
