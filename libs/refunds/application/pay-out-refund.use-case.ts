import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { SYSTEM_ACTOR, type Actor } from '@redress/kernel';
import { OutboxStore } from '@redress/outbox';
import type { Refund } from '../domain/refund';
import { PayoutProvider, PayoutUnavailableError, type PayoutOutcome } from '../payouts/payout-provider';
import { RefundRepository } from '../persistence/refund.repository';
import { RefundChanges } from './refund-changes';

export interface PayoutJob {
  refundId: string;
  /** The outbox event that asked for this payout; marked processed once there is nothing left to do. */
  eventId: string;
  requestId?: string | null;
  /** The queue will not try again: an unreachable provider now fails the refund (finance may retry). */
  finalAttempt: boolean;
}

/**
 * The worker's half of a payout, in three steps so that no transaction waits on the network:
 * (1) approved → processing, committed; (2) ask the provider, outside any transaction; (3) record the
 * answer under the row lock, only if the refund is still processing. A worker killed between (2) and
 * (3) leaves the refund processing and the event unprocessed, so the payout is asked for again with
 * the same Idempotency-Key, and recorded once: the status check and the database's one-refund_paid-
 * entry-per-refund rule make a second recording impossible.
 */
@Injectable()
export class PayOutRefundUseCase {
  private readonly logger = new Logger(PayOutRefundUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly refunds: RefundRepository,
    private readonly changes: RefundChanges,
    private readonly provider: PayoutProvider,
    private readonly outbox: OutboxStore,
  ) {}

  async execute(job: PayoutJob): Promise<void> {
    const actor: Actor = { ...SYSTEM_ACTOR, requestId: job.requestId ?? undefined };
    const refund = await this.start(actor, job.refundId);
    if (refund && this.provider.automatic) {
      let outcome: PayoutOutcome;
      try {
        outcome = await this.provider.pay({
          refundId: refund.id,
          suspensionId: refund.suspensionId,
          accountId: refund.accountId,
          amount: refund.amount,
        });
      } catch (error) {
        if (!(error instanceof PayoutUnavailableError) || !job.finalAttempt) throw error;
        outcome = { kind: 'refused', reason: `${error.message}; gave up after the last retry` };
      }
      await this.record(actor, refund.id, outcome);
    }
    await this.outbox.markProcessed(job.eventId);
  }

  /** Returns the refund to pay now, or null when there is nothing to do (already paid, failed, …). */
  private start(actor: Actor, refundId: string): Promise<Refund | null> {
    return this.uow.run(async (tx) => {
      const locked = await this.refunds.lockIfExists(tx, refundId);
      if (!locked) {
        this.logger.warn({ refundId }, 'payout requested for an unknown refund');
        return null;
      }
      if (locked.status === 'approved') {
        return this.changes.move(
          tx,
          actor,
          locked,
          'processing',
          'refund.payout_started',
          {},
          {
            provider: this.provider.name,
          },
        );
      }
      // processing: a payout that was interrupted (or retried by finance); anything else is settled.
      return locked.status === 'processing' ? locked : null;
    });
  }

  private async record(actor: Actor, refundId: string, outcome: PayoutOutcome): Promise<void> {
    await this.uow.run(async (tx) => {
      const { refund } = await this.changes.lock(tx, refundId);
      if (refund.status !== 'processing') return; // another worker recorded it first
      if (outcome.kind === 'paid') await this.changes.pay(tx, actor, refund, outcome.providerRef);
      else await this.changes.fail(tx, actor, refund, outcome.reason);
    });
  }
}
