import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import type { Queue } from 'bullmq';
import { DELIVERY_BACKOFF } from '../processors/delivery-backoff';
import { DELIVERIES_QUEUE, type DeliveryJobData } from '../queues';

/** Below every single notice: a ban wave's thousands of deliveries never hold up one person's notice. */
const BULK_PRIORITY = 1000;

/**
 * Puts owed deliveries on the deliveries queue. The job id is the notification id, so queueing one that
 * is already waiting, delayed or running changes nothing; the delivery log in PostgreSQL stays the record.
 */
@Injectable()
export class DeliveryEnqueuer {
  constructor(
    @InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<DeliveryJobData>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(notificationIds: string[], options: { bulk?: boolean } = {}): Promise<void> {
    if (notificationIds.length === 0) return;
    await this.queue.addBulk(
      notificationIds.map((notificationId) => ({
        name: 'deliver',
        data: { notificationId },
        opts: {
          jobId: notificationId,
          // one job normally walks the whole retry sequence; the delays come from the delivery log
          attempts: this.config.env.NOTIFY_MAX_ATTEMPTS,
          backoff: { type: DELIVERY_BACKOFF },
          ...(options.bulk ? { priority: BULK_PRIORITY } : {}),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
