import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { DECISION_OUTCOMES } from '@redress/appeals';
import { Clock } from '@redress/kernel';
import { REASON_CODES } from '@redress/suspensions';
import { resolveReportPeriod, type ReportPeriodInput } from '../domain/report-period';
import { ratio, type TransparencyReport } from '../domain/transparency-report';
import { TransparencyQueries } from '../queries/transparency-queries';

/** The transparency report over [from, to); every figure is an SQL aggregate over one snapshot. */
@Injectable()
export class BuildTransparencyReportUseCase {
  constructor(
    private readonly reads: ReplicaReads,
    private readonly queries: TransparencyQueries,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReportPeriodInput): Promise<TransparencyReport> {
    const now = this.clock.now();
    const period = resolveReportPeriod(input, now);
    const figures = await this.reads.snapshot(async (db) => ({
      appeals: await this.queries.appealsByReason(db, period),
      decisions: await this.queries.decisions(db, period),
      slaBreaches: await this.queries.slaBreaches(db, period),
      sampled: await this.queries.sampledReviews(db, period),
      suspensions: await this.queries.suspensions(db, period),
      refunds: await this.queries.refundsPaid(db, period),
      waves: await this.queries.waves(db, period),
    }));
    const { appeals, decisions, suspensions, refunds, sampled } = figures;
    const decided = sum(Object.values(decisions.byOutcome));
    const sampledDecided = sum(Object.values(sampled.byOutcome));
    return {
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      generatedAt: now.toISOString(),
      appealsReceived: {
        total: sum(Object.values(appeals)),
        byReasonCode: zeroFilled(REASON_CODES, appeals),
      },
      decisions: {
        total: decided,
        byOutcome: zeroFilled(DECISION_OUTCOMES, decisions.byOutcome),
        reversalRate: ratio(reversed(decisions.byOutcome), decided),
        medianHoursToDecision: decisions.medianHours,
        p90HoursToDecision: decisions.p90Hours,
      },
      slaBreaches: figures.slaBreaches,
      sampledReviews: {
        opened: sampled.opened,
        decided: sampledDecided,
        byOutcome: zeroFilled(DECISION_OUTCOMES, sampled.byOutcome),
        reversalRate: ratio(reversed(sampled.byOutcome), sampledDecided),
      },
      suspensions: {
        ...suspensions,
        automatedDetectionShare: ratio(suspensions.automatedDetections, suspensions.total),
        automatedDecisionShare: ratio(suspensions.automatedDecisions, suspensions.total),
      },
      refundsPaid: {
        count: sum(refunds.map((r) => r.count)),
        byCurrency: refunds.map((r) => ({
          currency: r.currency,
          count: r.count,
          amount: { amountMinor: r.amountMinor, currency: r.currency },
        })),
      },
      waves: figures.waves,
    };
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const reversed = (byOutcome: Record<string, number>) =>
  (byOutcome.overturned ?? 0) + (byOutcome.modified ?? 0);

/** Every known key in a fixed order, so a report always has the same shape (and CSV the same rows). */
function zeroFilled(keys: readonly string[], counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries([...new Set([...keys, ...Object.keys(counts)])].map((k) => [k, counts[k] ?? 0]));
}
