import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DispatchEventUseCase } from '@redress/notifications';
import type { Job } from 'bullmq';
import { BULK_EVENTS_QUEUE, EVENTS_QUEUE, type EventJobData } from '../queues';

/** Thin: validates the job and hands the event to the notifications use-case. */
async function dispatch(useCase: DispatchEventUseCase, job: Job<EventJobData>): Promise<void> {
  const { outboxId, type, payload } = job.data ?? {};
  if (
    typeof outboxId !== 'string' ||
    typeof type !== 'string' ||
    typeof payload !== 'object' ||
    payload === null
  ) {
    throw new Error(`malformed event job ${job.id}`);
  }
  await useCase.execute({ id: outboxId, type, payload });
}

@Processor(EVENTS_QUEUE, { concurrency: 16 })
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(private readonly dispatchEvent: DispatchEventUseCase) {
    super();
  }

  async process(job: Job<EventJobData>): Promise<void> {
    await dispatch(this.dispatchEvent, job);
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

@Processor(BULK_EVENTS_QUEUE, { concurrency: 8 })
export class BulkEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(BulkEventsProcessor.name);

  constructor(private readonly dispatchEvent: DispatchEventUseCase) {
    super();
  }

  async process(job: Job<EventJobData>): Promise<void> {
    await dispatch(this.dispatchEvent, job);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`bulk events worker: ${error.message}`);
  }
}
