import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@redress/database';
import { NotificationDeliveryRepository } from '../persistence/notification-delivery.repository';

/**
 * For the worker's delivery sweep: takes up to `limit` owed e-mail and webhook deliveries due for at
 * least `overdueMs` that nobody is sending (their queue job may have been lost with Redis), moves their
 * due time to now so they are not taken again before another `overdueMs`, and answers their ids.
 */
@Injectable()
export class TakeOverdueDeliveriesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: NotificationDeliveryRepository,
  ) {}

  execute(limit: number, overdueMs: number): Promise<string[]> {
    return this.deliveries.takeOverdue(this.uow.reader, limit, overdueMs);
  }
}
