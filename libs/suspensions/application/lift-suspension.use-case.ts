import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork, type Tx } from '@redress/database';
import { assertVersion } from '@redress/http';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
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
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<Suspension> {
    return this.uow.run(async (tx) => {
      const suspension = await this.suspensions.lock(tx, id);
      assertVersion(expectedVersion, suspension.version);
      return this.liftLocked(tx, actor, suspension, reason);
    });
  }

  /** For callers that already hold the suspension's row lock in their own transaction (decisions). */
  async liftLocked(tx: Tx, actor: Actor, suspension: Suspension, reason: string): Promise<Suspension> {
    if (suspension.status !== 'active') {
      throw new DomainError('suspension_not_active', `The suspension is already ${suspension.status}`);
    }
    const releasedMinor = suspension.frozenBalance.amountMinor - suspension.releasedMinor;
    const lifted = await this.suspensions.update(tx, suspension.id, {
      status: 'lifted',
      liftedAt: this.clock.now(),
      liftReason: reason,
      releasedAmountMinor: suspension.releasedMinor + releasedMinor,
    });
    const released = { amountMinor: releasedMinor, currency: suspension.frozenBalance.currency };
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
      requestId: actor.requestId,
    });
    return lifted;
  }
}
