import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';

export interface ReconciliationRow {
  refundId: string;
  suspensionId: string;
  accountId: string;
  amountMinor: number;
  currency: string;
  providerRef: string | null;
  approvedBy: string;
  paidAt: Date;
}

/** Rows are read in keyset batches, so an export of any size holds one batch in memory at a time. */
const BATCH = 1000;

@Injectable()
export class ReconciliationQueries {
  constructor(private readonly reads: ReplicaReads) {}

  /** Paid refunds with from ≤ paidAt < to, oldest first. */
  async *paidRefunds(from: Date, to: Date): AsyncGenerator<ReconciliationRow> {
    // The key keeps paid_at as PostgreSQL text: a JS Date would drop microseconds and repeat rows.
    let after: [string, string] | null = null;
    for (;;) {
      const params: unknown[] = [from, to, BATCH];
      const keyset = after
        ? `AND (paid_at, id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`
        : '';
      const rows: {
        id: string;
        suspension_id: string;
        account_id: string;
        amount_minor: string;
        currency: string;
        provider_ref: string | null;
        approved_by: string;
        paid_at: Date;
        paid_key: string;
      }[] = await this.reads.query(
        `SELECT id, suspension_id, account_id, amount_minor, currency, provider_ref, approved_by, paid_at,
                paid_at::text AS paid_key
           FROM refunds
          WHERE status = 'paid' AND paid_at >= $1 AND paid_at < $2 ${keyset}
          ORDER BY paid_at, id
          LIMIT $3`,
        params,
      );
      for (const r of rows) {
        yield {
          refundId: r.id,
          suspensionId: r.suspension_id,
          accountId: r.account_id,
          amountMinor: Number(r.amount_minor),
          currency: r.currency,
          providerRef: r.provider_ref,
          approvedBy: r.approved_by,
          paidAt: r.paid_at,
        };
      }
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.paid_key, last.id];
    }
  }
}
