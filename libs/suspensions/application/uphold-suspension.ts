import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import type { Tx } from '@redress/database';
import { Clock, DomainError, type Actor } from '@redress/kernel';
import type { Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';
import { StatementPublisherSlot } from './statement-publisher.port';

/** An appeal upheld the suspension: it stands (DSA: the restriction becomes a termination). The balance stays frozen for refunds. */
@Injectable()
export class UpholdSuspension {
  constructor(
    private readonly suspensions: SuspensionRepository,
    private readonly audit: AuditLog,
    private readonly statements: StatementPublisherSlot,
    private readonly clock: Clock,
  ) {}

  async upholdLocked(tx: Tx, actor: Actor, suspension: Suspension, reason: string): Promise<Suspension> {
    if (suspension.status !== 'active') {
      throw new DomainError('suspension_not_active', `The suspension is already ${suspension.status}`);
    }
    const upheld = await this.suspensions.update(tx, suspension.id, { status: 'upheld' });
    await this.audit.append(tx, {
      actor,
      action: 'suspension.upheld',
      entityType: 'suspension',
      entityId: suspension.id,
      data: { reason },
    });
    await this.statements.publish(tx, [
      { suspension: upheld, kind: 'termination', takenAt: this.clock.now() },
    ]);
    return upheld;
  }
}
