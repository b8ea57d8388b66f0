import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { inSpan, Metrics } from '@redress/observability';
import { describeFailure, type DeliveryChannel } from '../channels/delivery-channel';
import { EmailChannel } from '../channels/email.channel';
import { WebhookChannel } from '../channels/webhook.channel';
import { afterAttempt, type AttemptResult } from '../domain/retry-policy';
import {
  NotificationDeliveryRepository,
  type ClaimedDelivery,
  type DeliveryAttempt,
  type DeliveryChannelName,
} from '../persistence/notification-delivery.repository';

/** How each recorded attempt counts in redress_deliveries_total: a failure before the last is retried. */
const COUNTED_AS = { sent: 'sent', failed: 'retried', dead: 'dead' } as const;

/** `skipped`: already sent or dead, or another worker holds the lease right now. */
export type DeliveryOutcome = AttemptResult | { status: 'skipped' };

/**
 * One delivery attempt of an e-mail or webhook notification: take the lease, send outside any
 * transaction, then record the attempt (sent; failed with the time of the next attempt; or dead after
 * NOTIFY_MAX_ATTEMPTS). Safe to run twice for the same id: the lease and the status make the second a no-op.
 */
@Injectable()
export class DeliverNotificationUseCase {
  private readonly channels: Record<DeliveryChannelName, DeliveryChannel>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    email: EmailChannel,
    webhook: WebhookChannel,
  ) {
    this.channels = { email, webhook };
  }

  async execute(notificationId: string): Promise<DeliveryOutcome> {
    return (await this.executeMany([notificationId]))[0];
  }

  /**
   * Attempts for many notifications (a wave's chunk), with one statement to take the leases and one to
   * record the outcomes; the sends run side by side. Outcomes in the order of `notificationIds`.
   */
  async executeMany(notificationIds: string[]): Promise<DeliveryOutcome[]> {
    // Same meaning as for outbox rows: taken but unfinished after this long means its worker is gone. The
    // default (60 s) outlives the channels' own timeouts, so no second worker sends while the first still might.
    const leaseMs = this.config.env.OUTBOX_RELAY_TIMEOUT_MS;
    const claims = await this.deliveries.claimMany(this.uow.reader, notificationIds, leaseMs);
    const attempts = await Promise.all(claims.map((claim) => this.attempt(claim)));
    const recorded = await this.deliveries.recordMany(this.uow.reader, attempts);
    for (const a of attempts)
      if (recorded.has(a.claim.id))
        this.metrics.deliveries.inc({ channel: a.claim.channel, outcome: COUNTED_AS[a.result.status] });
    const outcomes = new Map(
      attempts.map((a): [string, DeliveryOutcome] => [
        a.claim.id,
        recorded.has(a.claim.id) ? a.result : { status: 'skipped' },
      ]),
    );
    return notificationIds.map((id) => outcomes.get(id) ?? { status: 'skipped' });
  }

  /** Sends outside any transaction, in a span of the job's trace. */
  private async attempt(claim: ClaimedDelivery): Promise<DeliveryAttempt> {
    let error: string | null = null;
    const span = { attributes: { 'redress.notification_id': claim.id, 'redress.event_id': claim.eventId } };
    try {
      await inSpan(`deliver ${claim.channel}`, span, () => this.channels[claim.channel].send(claim));
    } catch (failure) {
      error = describeFailure(failure);
    }
    const result = afterAttempt(claim.attempts + 1, error === null, {
      maxAttempts: this.config.env.NOTIFY_MAX_ATTEMPTS,
      baseDelayMs: this.config.env.NOTIFY_BACKOFF_MS,
    });
    return { claim, result, error };
  }
}
