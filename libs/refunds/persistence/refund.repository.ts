import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { RefundClaims } from '@redress/suspensions';
import type { Refund } from '../domain/refund';
import { REFUND_COLUMNS, toRefund, type RefundRow } from './refund-row';

/** What a state change may write besides the status (the proposal itself never changes). */
export type RefundChangeSet = Partial<
  Pick<
    Refund,
    | 'status'
    | 'approvedBy'
    | 'approvedAt'
    | 'rejectedBy'
    | 'rejectionReason'
    | 'providerRef'
    | 'failureReason'
    | 'paidAt'
  >
>;

const COLUMN: Record<keyof RefundChangeSet, string> = {
  status: 'status',
  approvedBy: 'approved_by',
  approvedAt: 'approved_at',
  rejectedBy: 'rejected_by',
  rejectionReason: 'rejection_reason',
  providerRef: 'provider_ref',
  failureReason: 'failure_reason',
  paidAt: 'paid_at',
};

/** Persistence for refunds; every method works inside the caller's transaction. */
@Injectable()
export class RefundRepository implements RefundClaims {
  async find(tx: Tx, id: string): Promise<Refund | null> {
    const [row]: RefundRow[] = await tx.query(`SELECT ${REFUND_COLUMNS} FROM refunds r WHERE r.id = $1`, [
      id,
    ]);
    return row ? toRefund(row) : null;
  }

  /** Locks the row for the rest of the transaction: every status change goes through here first. */
  async lock(tx: Tx, id: string): Promise<Refund> {
    const refund = await this.lockIfExists(tx, id);
    if (!refund) throw DomainError.notFound('Refund');
    return refund;
  }

  async lockIfExists(tx: Tx, id: string): Promise<Refund | null> {
    const [row]: RefundRow[] = await tx.query(
      `SELECT ${REFUND_COLUMNS} FROM refunds r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toRefund(row) : null;
  }

  async insert(tx: Tx, r: Refund): Promise<void> {
    await tx.query(
      `INSERT INTO refunds (id, suspension_id, appeal_id, account_id, amount_minor, currency, status, reason, proposed_by,
                            created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.id,
        r.suspensionId,
        r.appealId,
        r.accountId,
        r.amount.amountMinor,
        r.amount.currency,
        r.status,
        r.reason,
        r.proposedBy,
        r.createdAt,
        r.updatedAt,
        r.version,
      ],
    );
  }

  /** Applies the changes and answers the row as it now is (still locked by the caller). */
  async update(tx: Tx, id: string, changes: RefundChangeSet, at: Date): Promise<Refund> {
    const params: unknown[] = [id];
    const sets = (Object.entries(changes) as [keyof RefundChangeSet, unknown][])
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${COLUMN[key]} = $${params.push(value)}`);
    const [rows]: [RefundRow[], number] = await tx.query(
      `UPDATE refunds r SET ${[...sets, `updated_at = $${params.push(at)}`, 'version = r.version + 1'].join(', ')}
        WHERE r.id = $1 RETURNING ${REFUND_COLUMNS}`,
      params,
    );
    if (!rows[0]) throw DomainError.notFound('Refund');
    return toRefund(rows[0]);
  }

  /** Every refund but a rejected one still claims part of the suspension's frozen balance. */
  async claimedMinor(tx: Tx, suspensionId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT coalesce(sum(amount_minor), 0) AS claimed FROM refunds WHERE suspension_id = $1 AND status <> 'rejected'`,
      [suspensionId],
    )) as { claimed: string }[];
    return Number(row.claimed);
  }
}
