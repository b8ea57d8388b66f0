import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { TakeOverdueDeliveriesUseCase } from '@redress/notifications';
import type { Queue } from 'bullmq';
import { DELIVERIES_QUEUE, type DeliveryJobData } from '../queues';
import { onRedisRecovery, PollingLoop } from '../scheduling/polling-loop';
import { DeliveryEnqueuer } from './delivery-enqueuer';

/**
 * The delivery log is the record of what is owed, the queue only a schedule. Every SWEEP_INTERVAL_MS this
 * re-enqueues e-mail and webhook deliveries that are pending or failed, due for longer than
 * OUTBOX_RELAY_TIMEOUT_MS, and not being sent: their jobs were lost (Redis restarted empty, an enqueue
 * failed after the event was dispatched, a redelivery). Re-enqueueing one whose job still exists is a
 * no-op (same job id). After Redis comes back from an outage, everything owed is re-enqueued at once.
 */
@Injectable()
export class DeliverySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly BATCH = 1000;
  private readonly logger = new Logger(DeliverySweep.name);
  private readonly loop = new PollingLoop(
    'delivery sweep',
    async () => (await this.sweepOnce(this.config.env.OUTBOX_RELAY_TIMEOUT_MS)) === DeliverySweep.BATCH,
    () => this.config.env.SWEEP_INTERVAL_MS,
    this.logger,
  );

  constructor(
    private readonly takeOverdue: TakeOverdueDeliveriesUseCase,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly config: AppConfig,
    @InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<DeliveryJobData>,
  ) {}

  onApplicationBootstrap(): void {
    onRedisRecovery(this.queue, this.logger, async () => {
      const n = await this.sweepOnce(0);
      if (n) this.logger.warn(`Redis reconnected: re-enqueued ${n} deliveries`);
    });
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Re-enqueues owed deliveries overdue by `overdueMs`; returns how many. */
  async sweepOnce(overdueMs: number): Promise<number> {
    const ids = await this.takeOverdue.execute(DeliverySweep.BATCH, overdueMs);
    // If this enqueue fails, the rows are simply overdue again after another overdueMs.
    await this.enqueuer.enqueue(ids);
    if (ids.length) this.logger.log(`re-enqueued ${ids.length} overdue deliveries`);
    return ids.length;
  }
}
