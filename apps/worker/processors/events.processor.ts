import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SendAccessLinksUseCase } from '@redress/access';
import { WaveFlags } from '@redress/appeals';
import { AppConfig } from '@redress/config';
import { storedEvent, type StoredEvent } from '@redress/kernel';
import { DispatchEventUseCase } from '@redress/notifications';
import { inSpan } from '@redress/observability';
import type { Job } from 'bullmq';
import {
  BULK_EVENTS_CHUNK,
  BULK_EVENTS_QUEUE,
  EVENTS_QUEUE,
  type BulkEventJobData,
  type EventJobData,
} from '../queues';
import { DeliveryEnqueuer } from '../relay/delivery-enqueuer';

/** The event a job carries, checked: a malformed job is an error, never a guess. */
function outboxEvent(data: EventJobData | undefined, jobId: string | undefined): StoredEvent {
  const { outboxId, type, payload } = data ?? {};
  if (typeof outboxId !== 'string') throw new Error(`malformed event job ${jobId}`);
  return storedEvent(outboxId, type, payload);
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
    private readonly accessLinks: SendAccessLinksUseCase,
    private readonly waveFlags: WaveFlags,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
  }

  /**
   * Thin: hands the event to the notifications use-case and queues the e-mail and webhook deliveries it
   * recorded (should that enqueue fail, the delivery sweep finds them in the log).
   */
  async process(job: Job<EventJobData>): Promise<void> {
    const event = outboxEvent(job.data, job.id);
    await inSpan(
      `dispatch ${event.type}`,
      {
        parent: job.data.traceparent ?? null,
        kind: 'consumer',
        attributes: { 'redress.event_id': event.id },
      },
      async () => {
        // a link request is mailed at once and never recorded as a notification: the mail holds the link
        if (event.type === 'access_link.requested') await this.accessLinks.execute(event);
        else if (event.type === 'wave.flag_changed') await this.waveFlags.reprioritise(event);
        else await this.deliveries.enqueue(await this.dispatchEvent.execute(event));
        this.logger.debug(
          { eventId: job.data.outboxId, type: job.data.type, requestId: job.data.requestId },
          'event dispatched',
        );
      },
    );
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<EventJobData> | undefined, error: Error): void {
    this.logger.warn(
      { eventId: job?.data?.outboxId, type: job?.data?.type, attempt: job?.attemptsMade, err: error },
      'event job failed; it is retried',
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
   * PostgreSQL, so with fewer a ban wave's notices trickle out (docs/performance.md).
   * Paced to BULK_NOTICES_PER_SECOND (BullMQ's limiter counts jobs, each a chunk): unpaced, a wave's
   * notices took one of two cores from the API and the database while the wave was still arriving, and
   * came down on the receiving webhook and mail relay as fast as they could be sent.
   */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
    this.worker.opts.limiter = {
      max: 1,
      duration: Math.ceil((1000 * BULK_EVENTS_CHUNK) / this.config.env.BULK_NOTICES_PER_SECOND),
    };
  }

  /**
   * A chunk in one statement. Should it fail, its events go one by one, so that one event that cannot
   * be dispatched holds up only itself; the job then fails for a retry (what went through is done).
   */
  async process(job: Job<BulkEventJobData>): Promise<void> {
    const data = Array.isArray(job.data?.events) ? job.data.events : [];
    const events = data.map((e) => outboxEvent(e, job.id));
    // one span for the chunk, linked to the traces of the requests its events came from
    const span = {
      parent: null,
      links: [...new Set(data.map((e) => e.traceparent))],
      kind: 'consumer' as const,
    };
    await inSpan(`dispatch ${events.length} bulk events`, span, () => this.dispatchChunk(job, events));
  }

  private async dispatchChunk(job: Job<BulkEventJobData>, events: StoredEvent[]): Promise<void> {
    try {
      await this.deliveries.enqueue(await this.dispatchEvent.executeMany(events), { bulk: true });
      return;
    } catch (error) {
      this.logger.warn(`bulk events job ${job.id}: ${(error as Error).message}; dispatching one by one`);
    }
    const results = await Promise.allSettled(
      events.map(async (event) =>
        this.deliveries.enqueue(await this.dispatchEvent.execute(event), { bulk: true }),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) throw new Error(`${failed.length} of ${events.length} events of job ${job.id} failed`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<BulkEventJobData> | undefined, error: Error): void {
    this.logger.warn(
      { eventIds: job?.data?.events?.map((e) => e.outboxId), attempt: job?.attemptsMade, err: error },
      'bulk events job failed; it is retried',
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`bulk events worker: ${error.message}`);
  }
}
