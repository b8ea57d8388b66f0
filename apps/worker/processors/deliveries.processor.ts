import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { isUuid } from '@redress/kernel';
import { DeliverNotificationUseCase } from '@redress/notifications';
import { inSpan } from '@redress/observability';
import { UnrecoverableError, type Job } from 'bullmq';
import { DELIVERIES_QUEUE, type DeliveryJobData } from '../queues';
import { DeliveryEnqueuer } from '../relay/delivery-enqueuer';
import { deliveryBackoff, RetryDeliveryLater } from './delivery-backoff';

/**
 * Thin: one delivery attempt per run; a failed attempt is retried by BullMQ after the recorded delay.
 * Locks are a third of BullMQ's default, so the jobs of a crashed worker are taken over within seconds
 * rather than a minute; a job taken over while its first run is somehow still alive is harmless, as the
 * delivery lease in PostgreSQL lets only one of them send.
 */
@Processor(DELIVERIES_QUEUE, {
  concurrency: 16,
  lockDuration: 10_000,
  stalledInterval: 10_000,
  settings: { backoffStrategy: deliveryBackoff },
})
export class DeliveriesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveriesProcessor.name);

  constructor(
    private readonly deliver: DeliverNotificationUseCase,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
  }

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const span = { parent: job.data?.traceparent ?? null, kind: 'consumer' as const };
    await inSpan(`delivery job ${job.name}`, span, () => this.attempt(job));
  }

  private async attempt(job: Job<DeliveryJobData>): Promise<void> {
    if (job.data && 'notificationIds' in job.data) return this.processChunk(job.data.notificationIds, job);
    const notificationId = job.data?.notificationId;
    if (!isUuid(notificationId)) throw new UnrecoverableError(`malformed delivery job ${job.id}`);
    const outcome = await this.deliver.execute(notificationId);
    if (outcome.status === 'failed') {
      throw new RetryDeliveryLater(outcome.retryInMs, `delivery ${notificationId} failed; retrying`);
    }
    if (outcome.status === 'dead')
      this.logger.warn({ notificationId }, 'delivery is dead after its last attempt');
  }

  /**
   * A bulk chunk: one attempt each; a delivery that failed continues on its own job (from its second
   * attempt, after the delay its log records), so the chunk never repeats what went through.
   */
  private async processChunk(ids: unknown, job: Job): Promise<void> {
    if (!Array.isArray(ids) || !ids.every(isUuid)) {
      throw new UnrecoverableError(`malformed delivery job ${job.id}`);
    }
    const outcomes = await this.deliver.executeMany(ids);
    await this.enqueuer.retryLater(
      outcomes.flatMap((outcome, i) =>
        outcome.status === 'failed' ? [{ notificationId: ids[i], delayMs: outcome.retryInMs }] : [],
      ),
    );
    const dead = ids.filter((_, i) => outcomes[i].status === 'dead');
    if (dead.length)
      this.logger.warn({ notificationIds: dead }, 'deliveries are dead after their last attempt');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`deliveries worker: ${error.message}`);
  }
}
