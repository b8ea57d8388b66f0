import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { NotificationDeliveryRepository } from '@redress/notifications';
import type { Queue } from 'bullmq';
import { DELIVERIES_QUEUE, type DeliveryJobData } from '../queues';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private redisWasDown = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly config: AppConfig,
    @InjectQueue(DELIVERIES_QUEUE) private readonly queue: Queue<DeliveryJobData>,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.on('error', (error) => this.logger.warn(`queue ${this.queue.name}: ${error.message}`));
    void this.queue.getBackend().client.then((client) => {
      client.on('error', () => (this.redisWasDown = true));
      client.on('ready', () => {
        if (!this.redisWasDown) return;
        this.redisWasDown = false;
        void this.sweepOnce(0).then(
          (n) => n && this.logger.warn(`Redis reconnected: re-enqueued ${n} deliveries`),
        );
      });
    });
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let swept = 0;
    try {
      swept = await this.sweepOnce(this.config.env.OUTBOX_RELAY_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`delivery sweep failed: ${(error as Error).message}`);
    }
    this.schedule(swept === DeliverySweep.BATCH ? 0 : this.config.env.SWEEP_INTERVAL_MS);
  }

  /** Re-enqueues owed deliveries overdue by `overdueMs`; returns how many. */
  async sweepOnce(overdueMs: number): Promise<number> {
    const ids = await this.deliveries.takeOverdue(this.uow.reader, DeliverySweep.BATCH, overdueMs);
    // If this enqueue fails, the rows are simply overdue again after another overdueMs.
    await this.enqueuer.enqueue(ids);
    if (ids.length) this.logger.log(`re-enqueued ${ids.length} overdue deliveries`);
    return ids.length;
  }
}
