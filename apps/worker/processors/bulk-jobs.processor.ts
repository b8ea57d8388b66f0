import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { RunBulkDecisionUseCase } from '@redress/appeals';
import { isUuid } from '@redress/kernel';
import { OutboxStore } from '@redress/outbox';
import { UnrecoverableError, type Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { BULK_JOBS_QUEUE, type EventJobData } from '../queues';

/**
 * Thin: runs a wave-wide decision chunk by chunk until it is finished, then marks its outbox event
 * done. A worker killed mid-job leaves the job stalled; another worker (or this one restarted) picks
 * it up within seconds and resumes from the database.
 */
@Processor(BULK_JOBS_QUEUE, { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000 })
export class BulkJobsProcessor extends WorkerHost {
  private readonly logger = new Logger(BulkJobsProcessor.name);

  constructor(
    private readonly runBulkDecision: RunBulkDecisionUseCase,
    private readonly outbox: OutboxStore,
  ) {
    super();
  }

  async process(job: Job<EventJobData>): Promise<void> {
    const { outboxId, payload } = job.data ?? {};
    const jobId = payload?.jobId;
    if (!isUuid(outboxId) || !isUuid(jobId)) throw new UnrecoverableError(`malformed bulk job ${job.id}`);
    let chunks = 0;
    for (;;) {
      const outcome = await this.runBulkDecision.runChunk(jobId);
      if (outcome === 'finished') break;
      if (outcome === 'waiting') await sleep(BUSY_RETRY_MS);
      else chunks += 1;
    }
    await this.outbox.markProcessed(outboxId);
    this.logger.log({ jobId, chunks }, 'bulk decision finished');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`bulk jobs worker: ${error.message}`);
  }
}

/** How long a job waits when what is left of it is locked by other writers (for milliseconds, as a rule). */
const BUSY_RETRY_MS = 50;
