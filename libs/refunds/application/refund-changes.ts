import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { afterCommit, type Tx } from '@redress/database';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import { LedgerService, refundPaidEntry } from '@redress/ledger';
import { Metrics } from '@redress/observability';
import { Outbox } from '@redress/outbox';
import { SuspensionStore, type Suspension } from '@redress/suspensions';
import type { Refund } from '../domain/refund';
import { refundNotice, type RefundNotice } from '../domain/refund-notice';
import { refundTransition, type RefundStatus } from '../domain/refund-status';
import { RefundRepository, type RefundChangeSet } from '../persistence/refund.repository';

/**
 * The one way a refund changes state, shared by the use-cases: the transition table decides, the row
 * (already locked by the caller) is updated with a new version, and the audit event and any notice
 * are written in the same transaction.
 */
@Injectable()
export class RefundChanges {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly suspensions: SuspensionStore,
    private readonly ledger: LedgerService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Locks a refund for a change, its suspension first: the order of docs/concurrency.md, in which
   * proposals and lifts lock too, and which a ledger entry's foreign key on the suspension would
   * otherwise break by waiting for the suspension while the refund is held.
   */
  async lock(tx: Tx, id: string): Promise<{ refund: Refund; suspension: Suspension }> {
    // suspension_id never changes (refunds_immutable_proposal), so the unlocked read names the right row
    const unlocked = await this.refunds.find(tx, id);
    if (!unlocked) throw DomainError.notFound('Refund');
    const suspension = await this.suspensions.lock(tx, unlocked.suspensionId);
    return { refund: await this.refunds.lock(tx, id), suspension };
  }

  async move(
    tx: Tx,
    actor: Actor,
    refund: Refund,
    to: RefundStatus,
    action: string,
    changes: RefundChangeSet = {},
    auditData: Record<string, unknown> = {},
  ): Promise<Refund> {
    refundTransition(refund.status, to);
    const moved = await this.refunds.update(tx, refund.id, { ...changes, status: to }, this.clock.now());
    afterCommit(tx, () => this.metrics.refunds.inc({ status: to }));
    await this.audit.append(tx, {
      actor,
      action,
      entityType: 'refund',
      entityId: refund.id,
      data: { from: refund.status, to, ...auditData },
    });
    return moved;
  }

  /** processing → paid: the money left, so refund_payable → paid_out (the database allows it once). */
  async pay(tx: Tx, actor: Actor, refund: Refund, providerRef: string | null): Promise<Refund> {
    const paid = await this.move(
      tx,
      actor,
      refund,
      'paid',
      'refund.paid',
      { paidAt: this.clock.now(), providerRef },
      { providerRef },
    );
    await this.ledger.post(tx, refundPaidEntry(paid.accountId, paid.amount), {
      suspensionId: paid.suspensionId,
      refundId: paid.id,
    });
    await this.notify(tx, actor, paid, 'refund.paid');
    return paid;
  }

  /** processing → failed: the amount stays in refund_payable, owed, until a retry pays it. */
  async fail(tx: Tx, actor: Actor, refund: Refund, failureReason: string): Promise<Refund> {
    const failed = await this.move(
      tx,
      actor,
      refund,
      'failed',
      'refund.failed',
      { failureReason },
      { failureReason },
    );
    await this.notify(tx, actor, failed, 'refund.failed');
    return failed;
  }

  /** Hands the refund to the payouts worker (approval and retry). */
  async requestPayout(tx: Tx, actor: Actor, refund: Refund): Promise<void> {
    await this.outbox.append(tx, {
      type: 'refund.payout_requested',
      // No accountId: the event is for the worker, and must never look like a notice to the person.
      payload: { refundId: refund.id },
      requestId: actor.requestId,
    });
  }

  async notify(tx: Tx, actor: Actor, refund: Refund, type: RefundNotice): Promise<void> {
    const suspension = await this.suspensions.find(tx, refund.suspensionId);
    if (!suspension) throw new DomainError('internal_error', `refund ${refund.id} has no suspension`);
    await this.outbox.append(tx, { ...refundNotice(type, refund, suspension), requestId: actor.requestId });
  }
}
