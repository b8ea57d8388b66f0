import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { Clock, DomainError, assertVersion, sameSubject, type Actor } from '@redress/kernel';
import { LedgerService, refundApprovedEntry } from '@redress/ledger';
import type { Refund } from '../domain/refund';
import { RefundChanges } from './refund-changes';

/**
 * Finance approves a proposal: the amount becomes owed (customer_frozen → refund_payable), the person
 * hears about it, and the payouts worker is asked to pay. Four-eyes: never the proposer.
 */
@Injectable()
export class ApproveRefundUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: RefundChanges,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, id: string, expectedVersion?: number): Promise<Refund> {
    return this.uow.run(async (tx) => {
      const { refund } = await this.changes.lock(tx, id);
      assertVersion(expectedVersion, refund.version);
      // By principal, not by role: a token holding both reviewer and finance still cannot approve its own proposal.
      if (sameSubject(refund.proposedBy, actor.sub)) {
        throw new DomainError('four_eyes_required', 'The person who proposed a refund cannot approve it');
      }
      const approved = await this.changes.move(tx, actor, refund, 'approved', 'refund.approved', {
        approvedBy: actor.sub,
        approvedAt: this.clock.now(),
      });
      await this.ledger.post(tx, refundApprovedEntry(approved.accountId, approved.amount), {
        suspensionId: approved.suspensionId,
        refundId: approved.id,
      });
      await this.changes.notify(tx, actor, approved, 'refund.approved');
      await this.changes.requestPayout(tx, actor, approved);
      return approved;
    });
  }
}
