import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { currentTraceparent } from '@redress/observability';
import type { Queue } from 'bullmq';
import { DELIVERY_BACKOFF } from '../processors/delivery-backoff';
import { DELIVERIES_QUEUE, inChunks, type DeliveryJobData } from '../queues';

/** Below every single notice: a ban wave's thousands of deliveries never hold up one person's notice. */
const BULK_PRIORITY = 1000;

/** Deliveries a bulk job attempts together: one statement takes their leases, one records them. */
export const BULK_DELIVERY_CHUNK = 25;

/**
 * Puts owed deliveries on the deliveries queue. The job id is the notification id, so queueing one that
 * is already waiting, delayed or running changes nothing; the delivery log in PostgreSQL stays the record.
 * Bulk deliveries (a ban wave's) go in chunks, each a job whose id is its first notification's.
 */
@Injectable()
export class DeliveryEnqueuer {
  constructor(
    @InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<DeliveryJobData>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(notificationIds: string[], options: { bulk?: boolean } = {}): Promise<void> {
    if (notificationIds.length === 0) return;
    if (options.bulk) return this.enqueueChunks(notificationIds);
    // the dispatch's span, which each delivery continues
    const traceparent = currentTraceparent();
    await this.queue.addBulk(
      notificationIds.map((notificationId) => ({
        name: 'deliver',
        data: { notificationId, traceparent },
        opts: { jobId: notificationId, ...this.jobOptions() },
      })),
    );
  }

  /** A delivery of a bulk chunk that failed, retried on its own after the delay the delivery log set. */
  async retryLater(retries: { notificationId: string; delayMs: number }[]): Promise<void> {
    if (retries.length === 0) return;
    await this.queue.addBulk(
      retries.map(({ notificationId, delayMs }) => ({
        name: 'deliver',
        data: { notificationId },
        opts: { jobId: notificationId, delay: delayMs, ...this.jobOptions(BULK_PRIORITY) },
      })),
    );
  }

  private async enqueueChunks(notificationIds: string[]): Promise<void> {
    const traceparent = currentTraceparent();
    await this.queue.addBulk(
      inChunks(notificationIds, BULK_DELIVERY_CHUNK).map((chunk) => ({
        name: 'deliver-many',
        data: { notificationIds: chunk, traceparent },
        opts: { jobId: `chunk-${chunk[0]}`, ...this.jobOptions(BULK_PRIORITY) },
      })),
    );
  }

  private jobOptions(priority?: number) {
    return {
      // one job normally walks the whole retry sequence; the delays come from the delivery log
      attempts: this.config.env.NOTIFY_MAX_ATTEMPTS,
      backoff: { type: DELIVERY_BACKOFF },
      ...(priority ? { priority } : {}),
      removeOnComplete: true,
      removeOnFail: true,
    };
  }
}
