import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork, type Tx } from '@redress/database';
import { assertVersion } from '@redress/http';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import { LedgerService, releaseEntry } from '@redress/ledger';
import { Outbox, type OutboxLane } from '@redress/outbox';
import type { Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';

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
    const releasedMinor = Math.max(
      0,
      suspension.frozenBalance.amountMinor -
        suspension.releasedMinor -
        (await this.claimedByRefunds(tx, suspension.id)),
    );
    const lifted = await this.suspensions.update(tx, suspension.id, {
      status: 'lifted',
      liftedAt: this.clock.now(),
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
        liftedAt: lifted.liftedAt?.toISOString(),
        ...(released.amountMinor > 0 ? { releasedBalance: released } : {}),
      },
      lane,
      requestId: actor.requestId,
    });
    return lifted;
  }

  /**
   * Money that refunds already claim stays frozen on a lift: it is owed to the person through the
   * refund (or, for a proposal rejected later, released then by the refunds lib). Refunds build on
   * suspensions, so this lib reads their table rather than importing them; the row lock the caller
   * holds keeps new claims out, and a database trigger refuses any release that would overlap one.
   */
  private async claimedByRefunds(tx: Tx, suspensionId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT coalesce(sum(amount_minor), 0) AS claimed FROM refunds WHERE suspension_id = $1 AND status <> 'rejected'`,
      [suspensionId],
    )) as { claimed: string }[];
    return Number(row.claimed);
  }
}
