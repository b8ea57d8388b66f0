import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { DomainError, assertVersion, type Actor } from '@redress/kernel';
import type { Refund } from '../domain/refund';
import { PayoutProvider } from '../payouts/payout-provider';
import { RefundChanges } from './refund-changes';

/** Manual provider: finance paid outside Redress and records it with the payment's reference. */
@Injectable()
export class MarkRefundPaidUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: RefundChanges,
    private readonly provider: PayoutProvider,
  ) {}

  execute(actor: Actor, id: string, providerRef: string, expectedVersion?: number): Promise<Refund> {
    return this.uow.run(async (tx) => {
      let { refund } = await this.changes.lock(tx, id);
      assertVersion(expectedVersion, refund.version);
      if (this.provider.automatic) {
        throw new DomainError(
          'invalid_transition',
          `Refunds are paid by the ${this.provider.name} payout provider; mark-paid is for the manual one`,
        );
      }
      // Finance may be quicker than the worker that moves approved refunds to processing.
      if (refund.status === 'approved') {
        refund = await this.changes.move(
          tx,
          actor,
          refund,
          'processing',
          'refund.payout_started',
          {},
          { provider: 'manual' },
        );
      }
      return this.changes.pay(tx, actor, refund, providerRef);
    });
  }
}
