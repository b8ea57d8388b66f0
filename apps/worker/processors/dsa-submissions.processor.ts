import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { SubmitStatementsUseCase } from '@redress/reports';
import type { Job } from 'bullmq';
import { DSA_SUBMISSIONS_QUEUE, type EventJobData } from '../queues';

/**
 * Thin: statements were published (the outbox event carries only their count), so the submitter sends
 * whatever is due, in batches. One at a time per worker: batches are claimed with SKIP LOCKED, so more
 * would only race for the same rows. The short lock hands the job of a worker that died to another
 * within seconds; the statements it was sending are pending again by then.
 */
@Processor(DSA_SUBMISSIONS_QUEUE, { concurrency: 1, lockDuration: 60_000, stalledInterval: 5_000 })
export class DsaSubmissionsProcessor extends WorkerHost {
  private readonly logger = new Logger(DsaSubmissionsProcessor.name);

  constructor(private readonly submit: SubmitStatementsUseCase) {
    super();
  }

  async process(): Promise<void> {
    await this.submit.submitDue();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<EventJobData> | undefined, error: Error): void {
    this.logger.warn(
      { eventId: job?.data?.outboxId, attempt: job?.attemptsMade },
      `DSA submission failed: ${error.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`DSA submissions worker: ${error.message}`);
  }
}
