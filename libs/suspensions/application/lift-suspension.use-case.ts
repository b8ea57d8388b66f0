import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, DomainError, assertVersion, type Actor } from '@redress/kernel';
import { LedgerService, releaseEntry } from '@redress/ledger';
import { Outbox, type OutboxLane } from '@redress/outbox';
import type { Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';
import { REFUND_CLAIMS, type RefundClaims } from './refund-claims.port';
import { StatementPublisherSlot } from './statement-publisher.port';

/** Lifts an active suspension and releases what is left of its frozen balance to the account. */
@Injectable()
export class LiftSuspensionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    @Inject(REFUND_CLAIMS) private readonly refundClaims: RefundClaims,
    private readonly statements: StatementPublisherSlot,
  ) {}

  async execute(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<Suspension> {
    return this.uow.run(async (tx) => {
      const suspension = await this.suspensions.lock(tx, id);
      assertVersion(expectedVersion, suspension.version);
      return this.liftLocked(tx, actor, suspension, reason);
    });
  }

  /**
   * For callers that already hold the suspension's row lock in their own transaction (decisions).
   * Wave-wide remedies put their events in the bulk lane, so single notices never wait behind them.
   */
  async liftLocked(
    tx: Tx,
    actor: Actor,
    suspension: Suspension,
    reason: string,
    lane: OutboxLane = 'default',
  ): Promise<Suspension> {
    if (suspension.status !== 'active') {
      throw new DomainError('suspension_not_active', `The suspension is already ${suspension.status}`);
    }
    // What refunds claim stays frozen, owed through the refund (released if the proposal is rejected);
    // the caller's row lock keeps new claims out, and a trigger refuses a release overlapping one.
    const releasedMinor = Math.max(
      0,
      suspension.frozenBalance.amountMinor -
        suspension.releasedMinor -
        (await this.claimedByRefunds(tx, suspension.id)),
    );
    const liftedAt = this.clock.now();
    const lifted = await this.suspensions.update(tx, suspension.id, {
      status: 'lifted',
      liftedAt,
      liftReason: reason,
      releasedAmountMinor: suspension.releasedMinor + releasedMinor,
    });
    const released = { amountMinor: releasedMinor, currency: suspension.frozenBalance.currency };
    await this.ledger.post(tx, releaseEntry(suspension.accountId, released), { suspensionId: suspension.id });
    await this.audit.append(tx, {
      actor,
      action: 'suspension.lifted',
      entityType: 'suspension',
      entityId: suspension.id,
      data: { reason, releasedBalance: released },
    });
    await this.outbox.append(tx, {
      type: 'suspension.lifted',
      payload: {
        suspensionId: suspension.id,
        accountId: suspension.accountId,
        accountEmail: suspension.accountEmail,
        locale: suspension.locale,
        externalRef: suspension.externalRef,
        liftReason: reason,
        liftedAt: liftedAt.toISOString(),
        ...(released.amountMinor > 0 ? { releasedBalance: released } : {}),
      },
      lane,
      requestId: actor.requestId,
    });
    await this.statements.publish(tx, [{ suspension: lifted, kind: 'lift', takenAt: liftedAt }]);
    return lifted;
  }

  private claimedByRefunds(tx: Tx, suspensionId: string): Promise<number> {
    return this.refundClaims.claimedMinor(tx, suspensionId);
  }
}
