import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { RunBulkDecisionUseCase } from '@redress/appeals';
import { isUuid } from '@redress/kernel';
import { inSpan, Metrics } from '@redress/observability';
import { OutboxStore } from '@redress/outbox';
import { UnrecoverableError, type Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { BULK_JOBS_QUEUE, type EventJobData } from '../queues';

/** A running job's progress is logged at most this often. */
const PROGRESS_LOG_MS = 5_000;

/**
 * Thin: runs a wave-wide decision chunk by chunk until it is finished, then marks its outbox event
 * done. A worker killed mid-job leaves the job stalled; another worker (or this one restarted) picks
 * it up within seconds and resumes from the database. Its span starts a trace of its own, linked to
 * the request that asked for it: a job of minutes would make one unreadable trace of that request.
 */
@Processor(BULK_JOBS_QUEUE, { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000 })
export class BulkJobsProcessor extends WorkerHost {
  private readonly logger = new Logger(BulkJobsProcessor.name);

  constructor(
    private readonly runBulkDecision: RunBulkDecisionUseCase,
    private readonly outbox: OutboxStore,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(job: Job<EventJobData>): Promise<void> {
    const { outboxId, payload } = job.data ?? {};
    const jobId = payload?.jobId;
    if (!isUuid(outboxId) || !isUuid(jobId)) throw new UnrecoverableError(`malformed bulk job ${job.id}`);
    const span = {
      parent: null,
      links: [job.data.traceparent],
      attributes: { 'redress.bulk_job_id': jobId },
    };
    await inSpan('bulk decision', span, () => this.run(outboxId, jobId));
  }

  private async run(outboxId: string, jobId: string): Promise<void> {
    this.logger.log({ jobId, eventId: outboxId }, 'bulk decision started');
    const done = { chunks: 0, processed: 0, failed: 0 };
    let lastLog = Date.now();
    for (;;) {
      const chunk = await this.runBulkDecision.runChunk(jobId);
      if (chunk.outcome === 'finished') break;
      if (chunk.outcome === 'waiting') {
        await sleep(BUSY_RETRY_MS);
        continue;
      }
      done.chunks += 1;
      done.processed += chunk.processed;
      done.failed += chunk.failed;
      this.metrics.bulkJobItems.inc({ outcome: 'processed' }, chunk.processed);
      if (chunk.failed) this.metrics.bulkJobItems.inc({ outcome: 'failed' }, chunk.failed);
      if (Date.now() - lastLog >= PROGRESS_LOG_MS) {
        lastLog = Date.now();
        this.logger.log({ jobId, ...done }, 'bulk decision progress');
      }
    }
    await this.outbox.markProcessed(outboxId);
    this.logger.log({ jobId, ...done }, 'bulk decision finished');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<EventJobData> | undefined, error: Error): void {
    this.logger.warn(
      {
        jobId: job?.data?.payload?.jobId,
        eventId: job?.data?.outboxId,
        attempt: job?.attemptsMade,
        err: error,
      },
      'bulk decision job failed; it is retried',
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`bulk jobs worker: ${error.message}`);
  }
}

/** How long a job waits when what is left of it is locked by other writers (for milliseconds, as a rule). */
const BUSY_RETRY_MS = 50;
