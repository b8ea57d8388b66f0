import { Injectable } from '@nestjs/common';
import { AppealStore, type RefundProposer } from '@redress/appeals';
import { AuditLog } from '@redress/audit';
import { afterCommit, pgConstraint, UnitOfWork, type Tx } from '@redress/database';
import { Clock, DomainError, newId, type Actor } from '@redress/kernel';
import { Metrics } from '@redress/observability';
import { SuspensionStore } from '@redress/suspensions';
import type { Refund, RefundProposal } from '../domain/refund';
import { assertRefundable, refundableAmount } from '../domain/refundable-amount';
import { RefundRepository } from '../persistence/refund.repository';

/** A reviewer proposes returning (part of) a suspension's frozen balance; finance approves it later. */
@Injectable()
export class ProposeRefundUseCase implements RefundProposer {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refunds: RefundRepository,
    private readonly appeals: AppealStore,
    private readonly suspensions: SuspensionStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  execute(actor: Actor, proposal: RefundProposal): Promise<Refund> {
    return this.uow.run((tx) => this.proposeLocked(tx, actor, proposal));
  }

  /**
   * In the caller's transaction, e.g. an appeal decision's. The suspension's row lock serialises
   * proposals on one balance (a caller that already holds it just keeps it), so concurrent proposals
   * cannot both fit. A named appeal is locked before the suspension, as a decision locks them
   * (docs/concurrency.md).
   */
  async proposeLocked(tx: Tx, actor: Actor, proposal: RefundProposal): Promise<Refund> {
    const appealSuspension = proposal.appealId
      ? await this.appeals.keyShareSuspensionId(tx, proposal.appealId)
      : undefined;
    const suspension = await this.suspensions.lock(tx, proposal.suspensionId);
    if (proposal.appealId && appealSuspension !== suspension.id) {
      throw new DomainError('validation_failed', 'appealId does not name an appeal on this suspension', [
        { field: 'appealId', message: 'not an appeal of suspensionId' },
      ]);
    }
    const refundable = refundableAmount({
      frozenMinor: suspension.frozenBalance.amountMinor,
      releasedMinor: suspension.releasedMinor,
      nonRejectedRefundsMinor: await this.refunds.claimedMinor(tx, suspension.id),
    });
    assertRefundable(proposal.amountMinor, refundable);
    const now = this.clock.now();
    const refund: Refund = {
      id: newId(),
      suspensionId: suspension.id,
      appealId: proposal.appealId ?? null,
      accountId: suspension.accountId,
      amount: { amountMinor: proposal.amountMinor, currency: suspension.frozenBalance.currency },
      status: 'proposed',
      reason: proposal.reason,
      proposedBy: actor.sub,
      approvedBy: null,
      rejectedBy: null,
      rejectionReason: null,
      providerRef: null,
      failureReason: null,
      createdAt: now,
      approvedAt: null,
      paidAt: null,
      updatedAt: now,
      version: 1,
    };
    await this.refunds.insert(tx, refund).catch((error: unknown) => {
      // The database's own check of the same rule; reached only if the lock above was bypassed.
      if (pgConstraint(error) === 'refunds_within_frozen_balance') {
        throw new DomainError('refund_exceeds_balance', 'the refund exceeds the refundable balance');
      }
      throw error;
    });
    afterCommit(tx, () => this.metrics.refunds.inc({ status: 'proposed' }));
    await this.audit.appendFirstEvents(tx, [
      {
        actor,
        action: 'refund.proposed',
        entityType: 'refund',
        entityId: refund.id,
        at: now,
        data: {
          suspensionId: refund.suspensionId,
          appealId: refund.appealId,
          accountId: refund.accountId,
          amount: refund.amount,
          reason: refund.reason,
          refundableBefore: refundable,
        },
      },
    ]);
    return refund;
  }
}
