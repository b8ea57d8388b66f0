import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { isUuid } from '@redress/kernel';
import { inSpan } from '@redress/observability';
import { PayOutRefundUseCase } from '@redress/refunds';
import { UnrecoverableError, type Job } from 'bullmq';
import { PAYOUTS_QUEUE, type EventJobData } from '../queues';

/**
 * Thin: validates the payout request and hands it to the refunds use-case. A provider outage throws,
 * so BullMQ retries with the relay's exponential backoff. The short lock makes a payout whose worker
 * died go back to the queue within seconds (the use-case is safe to run again).
 */
@Processor(PAYOUTS_QUEUE, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class PayoutsProcessor extends WorkerHost {
  private readonly logger = new Logger(PayoutsProcessor.name);

  constructor(private readonly payOut: PayOutRefundUseCase) {
    super();
  }

  async process(job: Job<EventJobData>): Promise<void> {
    const { outboxId, payload, requestId } = job.data ?? {};
    const refundId = payload?.refundId;
    if (!isUuid(outboxId) || !isUuid(refundId))
      throw new UnrecoverableError(`malformed payout job ${job.id}`);
    const span = {
      parent: job.data.traceparent ?? null,
      kind: 'consumer' as const,
      attributes: { 'redress.refund_id': refundId },
    };
    await inSpan('deliver payout', span, () =>
      this.payOut.execute({
        refundId,
        eventId: outboxId,
        requestId,
        finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      }),
    );
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<EventJobData> | undefined, error: Error): void {
    this.logger.warn(
      { refundId: job?.data?.payload?.refundId, eventId: job?.data?.outboxId, attempt: job?.attemptsMade },
      `payout attempt failed: ${error.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`payouts worker: ${error.message}`);
  }
}
