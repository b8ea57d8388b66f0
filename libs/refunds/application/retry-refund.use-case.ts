import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { DomainError, assertVersion, type Actor } from '@redress/kernel';
import type { Refund } from '../domain/refund';
import { RefundRepository } from '../persistence/refund.repository';
import { RefundChanges } from './refund-changes';

/** A failed payout goes back to processing and to the payouts worker (the amount is still owed). */
@Injectable()
export class RetryRefundUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refunds: RefundRepository,
    private readonly changes: RefundChanges,
  ) {}

  execute(actor: Actor, id: string, expectedVersion?: number): Promise<Refund> {
    return this.uow.run(async (tx) => {
      const refund = await this.refunds.lock(tx, id);
      assertVersion(expectedVersion, refund.version);
      // approved → processing is the worker's move, not a retry.
      if (refund.status !== 'failed') {
        throw new DomainError(
          'invalid_transition',
          `refund is ${refund.status}; only a failed refund can be retried`,
        );
      }
      const retried = await this.changes.move(
        tx,
        actor,
        refund,
        'processing',
        'refund.retried',
        {},
        {
          previousFailure: refund.failureReason,
        },
      );
      await this.changes.requestPayout(tx, actor, retried);
      return retried;
    });
  }
}
