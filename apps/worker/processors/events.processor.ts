import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { DispatchEventUseCase } from '@redress/notifications';
import type { Job } from 'bullmq';
import { BULK_EVENTS_QUEUE, EVENTS_QUEUE, type EventJobData } from '../queues';
import { DeliveryEnqueuer } from '../relay/delivery-enqueuer';

/**
 * Thin: validates the job, hands the event to the notifications use-case and queues the e-mail and webhook
 * deliveries it recorded (should that enqueue fail, the delivery sweep finds them in the log).
 */
async function dispatch(
  useCase: DispatchEventUseCase,
  deliveries: DeliveryEnqueuer,
  job: Job<EventJobData>,
  options: { bulk: boolean },
): Promise<void> {
  const { outboxId, type, payload } = job.data ?? {};
  if (
    typeof outboxId !== 'string' ||
    typeof type !== 'string' ||
    typeof payload !== 'object' ||
    payload === null
  ) {
    throw new Error(`malformed event job ${job.id}`);
  }
  await deliveries.enqueue(await useCase.execute({ id: outboxId, type, payload }), options);
}

/** A short lock: the events of a worker that died are picked up by another within seconds. */
const RECOVERY = { lockDuration: 10_000, stalledInterval: 5_000 };

@Processor(EVENTS_QUEUE, { concurrency: 16, ...RECOVERY })
export class EventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly dispatchEvent: DispatchEventUseCase,
    private readonly deliveries: DeliveryEnqueuer,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
  }

  async process(job: Job<EventJobData>): Promise<void> {
    await dispatch(this.dispatchEvent, this.deliveries, job, { bulk: false });
    this.logger.debug(
      { eventId: job.data.outboxId, type: job.data.type, requestId: job.data.requestId },
      'event dispatched',
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    // Redis outages surface here while ioredis reconnects; the outbox keeps the events safe meanwhile.
    this.logger.warn(`events worker: ${error.message}`);
  }
}

@Processor(BULK_EVENTS_QUEUE, { concurrency: 8, ...RECOVERY })
export class BulkEventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BulkEventsProcessor.name);

  constructor(
    private readonly dispatchEvent: DispatchEventUseCase,
    private readonly deliveries: DeliveryEnqueuer,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /**
   * As many at once as the other queues: a dispatch spends most of its time waiting on Redis and
   * PostgreSQL, so at 8 a ban wave's notices trickled out (npm run bench: 25,000 in 94 s, 66 s at 16).
   */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
  }

  async process(job: Job<EventJobData>): Promise<void> {
    await dispatch(this.dispatchEvent, this.deliveries, job, { bulk: true });
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`bulk events worker: ${error.message}`);
  }
}
