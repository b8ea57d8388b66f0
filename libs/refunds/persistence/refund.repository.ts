import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { RefundClaims } from '@redress/suspensions';
import type { Refund } from '../domain/refund';
import { RefundEntity } from './refund.entity';
import { toRefund } from './refund.mapper';

/** What a state change may write besides the status (the proposal itself never changes). */
export type RefundChangeSet = Partial<
  Pick<
    RefundEntity,
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

/** Persistence for refunds; every method works inside the caller's transaction. */
@Injectable()
export class RefundRepository implements RefundClaims {
  async find(tx: Tx, id: string): Promise<Refund | null> {
    const entity = await tx.findOne(RefundEntity, { where: { id } });
    return entity ? toRefund(entity) : null;
  }

  /** Locks the row for the rest of the transaction: every status change goes through here first. */
  async lock(tx: Tx, id: string): Promise<Refund> {
    const refund = await this.lockIfExists(tx, id);
    if (!refund) throw DomainError.notFound('Refund');
    return refund;
  }

  async lockIfExists(tx: Tx, id: string): Promise<Refund | null> {
    const entity = await tx
      .createQueryBuilder(RefundEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    return entity ? toRefund(entity) : null;
  }

  async insert(tx: Tx, r: Refund): Promise<void> {
    await tx.insert(RefundEntity, {
      id: r.id,
      suspensionId: r.suspensionId,
      appealId: r.appealId,
      accountId: r.accountId,
      amountMinor: r.amount.amountMinor,
      currency: r.amount.currency,
      status: r.status,
      reason: r.reason,
      proposedBy: r.proposedBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
    });
  }

  async update(tx: Tx, id: string, changes: RefundChangeSet, at: Date): Promise<Refund> {
    await tx
      .createQueryBuilder()
      .update(RefundEntity)
      .set({ ...changes, updatedAt: at, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return this.lock(tx, id);
  }

  /** Every refund but a rejected one still claims part of the suspension's frozen balance. */
  async claimedMinor(tx: Tx, suspensionId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT coalesce(sum(amount_minor), 0) AS claimed FROM refunds WHERE suspension_id = $1 AND status <> 'rejected'`,
      [suspensionId],
    )) as { claimed: string }[];
    return Number(row.claimed);
  }

  /**
   * The suspension an appeal is about, or null when there is no such appeal. The row keeps the share
   * lock the refund's foreign key takes anyway, taken now so that it comes before the suspension's.
   */
  async lockAppealSuspensionId(tx: Tx, appealId: string): Promise<string | null> {
    const [row] = (await tx.query(`SELECT suspension_id FROM appeals WHERE id = $1 FOR KEY SHARE`, [
      appealId,
    ])) as {
      suspension_id: string;
    }[];
    return row?.suspension_id ?? null;
  }
}
