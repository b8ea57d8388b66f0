import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Tx } from '@redress/database';
import { assertVersion, type Actor } from '@redress/kernel';
import { LedgerService, releaseEntry } from '@redress/ledger';
import { SuspensionStore, type Suspension } from '@redress/suspensions';
import type { Refund } from '../domain/refund';
import { RefundChanges } from './refund-changes';

/**
 * Finance rejects a proposal. Its claim on the frozen balance ends; if the suspension was lifted in the
 * meantime (a lift leaves claimed money frozen), that amount is released to the account right away.
 */
@Injectable()
export class RejectRefundUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionStore,
    private readonly changes: RefundChanges,
    private readonly ledger: LedgerService,
  ) {}

  execute(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<Refund> {
    return this.uow.run(async (tx) => {
      const { refund, suspension } = await this.changes.lock(tx, id);
      assertVersion(expectedVersion, refund.version);
      const rejected = await this.changes.move(
        tx,
        actor,
        refund,
        'rejected',
        'refund.rejected',
        { rejectedBy: actor.sub, rejectionReason: reason },
        { reason },
      );
      if (suspension.status === 'lifted') await this.releaseClaim(tx, suspension, rejected);
      return rejected;
    });
  }

  private async releaseClaim(tx: Tx, suspension: Suspension, refund: Refund): Promise<void> {
    await this.suspensions.update(tx, suspension.id, {
      releasedAmountMinor: suspension.releasedMinor + refund.amount.amountMinor,
    });
    await this.ledger.post(tx, releaseEntry(refund.accountId, refund.amount), {
      suspensionId: suspension.id,
    });
  }
}
