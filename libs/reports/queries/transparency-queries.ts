import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportPeriod } from '../domain/report-period';
import type { WaveReportRow } from '../domain/transparency-report';
import { ratio } from '../domain/transparency-report';
import { toNumber } from './sql-values';

/** In every query $1 = from (inclusive) and $2 = to (exclusive). */
/** Complaints are the appeals people filed; sample cases are counted apart (sampledReviews). */
const FILED = `origin = 'appellant'`;

export interface SampledReviewFigures {
  opened: number;
  byOutcome: Record<string, number>;
}
const params = (p: ReportPeriod) => [p.from, p.to];

export interface DecisionFigures {
  byOutcome: Record<string, number>;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface SuspensionFigures {
  total: number;
  automatedDetections: number;
  automatedDecisions: number;
}

export interface PaidInCurrency {
  currency: string;
  count: number;
  amountMinor: number;
}

/**
 * The aggregates of the transparency report, one SQL statement per figure group; PostgreSQL does
 * the counting and the percentiles, no row of the period is loaded into the process.
 */
@Injectable()
export class TransparencyQueries {
  /** Appeals by `submitted_at`, per reason code (only codes that occur). */
  async appealsByReason(db: EntityManager, period: ReportPeriod): Promise<Record<string, number>> {
    const rows: { reason_code: string; n: string }[] = await db.query(
      `SELECT reason_code, count(*) AS n
         FROM appeals
        WHERE ${FILED} AND submitted_at >= $1 AND submitted_at < $2
        GROUP BY reason_code`,
      params(period),
    );
    return Object.fromEntries(rows.map((r) => [r.reason_code, toNumber(r.n)]));
  }

  /**
   * Decisions by `decided_at`. Time to decision is decided_at − submitted_at; percentile_cont
   * interpolates linearly (p90 of 2, 4, 6, 10, 20 h is 16 h), rounded to 0.001 h (3.6 s).
   */
  async decisions(db: EntityManager, period: ReportPeriod): Promise<DecisionFigures> {
    const byOutcome: { outcome: string; n: string }[] = await db.query(
      `SELECT decision_outcome AS outcome, count(*) AS n
         FROM appeals
        WHERE ${FILED} AND decided_at >= $1 AND decided_at < $2
        GROUP BY decision_outcome`,
      params(period),
    );
    const [times]: { median_hours: string | null; p90_hours: string | null }[] = await db.query(
      `SELECT round(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY decided_at - submitted_at)) / 3600, 3) AS median_hours,
              round(extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY decided_at - submitted_at)) / 3600, 3) AS p90_hours
         FROM appeals
        WHERE ${FILED} AND decided_at >= $1 AND decided_at < $2`,
      params(period),
    );
    return {
      byOutcome: Object.fromEntries(byOutcome.map((r) => [r.outcome, toNumber(r.n)])),
      medianHours: times.median_hours === null ? null : toNumber(times.median_hours),
      p90Hours: times.p90_hours === null ? null : toNumber(times.p90_hours),
    };
  }

  /**
   * Breaches by `decision_due_at` (when the deadline passed): marked by the SLA sweep, or decided
   * after the deadline before the sweep got to them.
   */
  async slaBreaches(db: EntityManager, period: ReportPeriod): Promise<number> {
    const [row]: { n: string }[] = await db.query(
      `SELECT count(*) AS n
         FROM appeals
        WHERE ${FILED} AND decision_due_at >= $1 AND decision_due_at < $2
          AND (sla_breached OR decided_at > decision_due_at)`,
      params(period),
    );
    return toNumber(row.n);
  }

  /** Sample cases opened (by `submitted_at`) and decided (by `decided_at`, per outcome). */
  async sampledReviews(db: EntityManager, period: ReportPeriod): Promise<SampledReviewFigures> {
    const rows: { outcome: string | null; opened: string; decided: string }[] = await db.query(
      `SELECT CASE WHEN decided_at >= $1 AND decided_at < $2 THEN decision_outcome END AS outcome,
              count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2) AS opened,
              count(*) FILTER (WHERE decided_at >= $1 AND decided_at < $2) AS decided
         FROM appeals
        WHERE origin = 'sample'
          AND ((submitted_at >= $1 AND submitted_at < $2) OR (decided_at >= $1 AND decided_at < $2))
        GROUP BY 1`,
      params(period),
    );
    return {
      opened: rows.reduce((n, r) => n + toNumber(r.opened), 0),
      byOutcome: Object.fromEntries(
        rows.filter((r) => r.outcome !== null).map((r) => [r.outcome!, toNumber(r.decided)]),
      ),
    };
  }

  /** Suspensions by `suspended_at`, and how many were detected or decided by automated means. */
  async suspensions(db: EntityManager, period: ReportPeriod): Promise<SuspensionFigures> {
    const [row]: { total: string; detections: string; decisions: string }[] = await db.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE automated_detection) AS detections,
              count(*) FILTER (WHERE automated_decision) AS decisions
         FROM suspensions
        WHERE suspended_at >= $1 AND suspended_at < $2`,
      params(period),
    );
    return {
      total: toNumber(row.total),
      automatedDetections: toNumber(row.detections),
      automatedDecisions: toNumber(row.decisions),
    };
  }

  /** Refunds by `paid_at`, per currency (money is never added across currencies). */
  async refundsPaid(db: EntityManager, period: ReportPeriod): Promise<PaidInCurrency[]> {
    const rows: { currency: string; n: string; amount: string }[] = await db.query(
      `SELECT currency, count(*) AS n, sum(amount_minor) AS amount
         FROM refunds
        WHERE status = 'paid' AND paid_at >= $1 AND paid_at < $2
        GROUP BY currency
        ORDER BY currency`,
      params(period),
    );
    return rows.map((r) => ({ currency: r.currency, count: toNumber(r.n), amountMinor: toNumber(r.amount) }));
  }

  /** One row per wave with any suspension, appeal or decision in the period, oldest wave first. */
  async waves(db: EntityManager, period: ReportPeriod): Promise<WaveReportRow[]> {
    const rows: {
      id: string;
      name: string;
      suspensions: string;
      appeals: string;
      decided: string;
      overturned: string;
    }[] = await db.query(
      `WITH suspended AS (
              SELECT wave_id, count(*) AS suspensions
                FROM suspensions
               WHERE wave_id IS NOT NULL AND suspended_at >= $1 AND suspended_at < $2
               GROUP BY wave_id),
            appealed AS (
              SELECT wave_id,
                     count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2) AS appeals,
                     count(*) FILTER (WHERE decided_at >= $1 AND decided_at < $2) AS decided,
                     count(*) FILTER (WHERE decided_at >= $1 AND decided_at < $2
                                        AND decision_outcome = 'overturned') AS overturned
                FROM appeals
               WHERE wave_id IS NOT NULL AND ${FILED}
                 AND ((submitted_at >= $1 AND submitted_at < $2) OR (decided_at >= $1 AND decided_at < $2))
               GROUP BY wave_id)
       SELECT w.id, w.name,
              coalesce(s.suspensions, 0) AS suspensions, coalesce(a.appeals, 0) AS appeals,
              coalesce(a.decided, 0) AS decided, coalesce(a.overturned, 0) AS overturned
         FROM waves w
         LEFT JOIN suspended s ON s.wave_id = w.id
         LEFT JOIN appealed a ON a.wave_id = w.id
        WHERE s.wave_id IS NOT NULL OR a.wave_id IS NOT NULL
        ORDER BY w.created_at, w.id`,
      params(period),
    );
    return rows.map((r) => {
      const decided = toNumber(r.decided);
      const overturned = toNumber(r.overturned);
      return {
        waveId: r.id,
        name: r.name,
        suspensions: toNumber(r.suspensions),
        appeals: toNumber(r.appeals),
        decided,
        overturned,
        overturnRate: ratio(overturned, decided),
      };
    });
  }
}
