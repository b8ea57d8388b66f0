import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { DomainError, type Actor } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { NotificationDeliveryRepository } from '../persistence/notification-delivery.repository';
import { DeliveryLogQueries, type DeliveryLogEntry } from '../queries/delivery-log-queries';

/**
 * An admin sends a `dead` or `failed` e-mail/webhook notification again: back to `pending` with a fresh
 * budget of attempts, audited, and queued through the outbox in the same transaction.
 */
@Injectable()
export class RedeliverNotificationUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly log: DeliveryLogQueries,
  ) {}

  async execute(actor: Actor, notificationId: string): Promise<DeliveryLogEntry> {
    return this.uow.run(async (tx) => {
      const current = await this.deliveries.lock(tx, notificationId);
      if (!current) throw DomainError.notFound('Notification');
      if (current.channel === 'inbox' || !['dead', 'failed'].includes(current.status)) {
        throw new DomainError(
          'invalid_transition',
          `A ${current.channel} notification that is ${current.status} cannot be redelivered; only dead or failed e-mail and webhook deliveries can`,
        );
      }
      await this.deliveries.resetForRedelivery(tx, notificationId);
      await this.outbox.append(tx, {
        type: 'notification.redeliver', // the API never talks to the queue: the worker queues it
        payload: { notificationId },
        requestId: actor.requestId,
      });
      await this.audit.append(tx, {
        actor,
        action: 'notification.redelivered',
        entityType: 'notification',
        entityId: notificationId,
        data: { previousStatus: current.status },
      });
      return (await this.log.get(notificationId, tx))!;
    });
  }
}
