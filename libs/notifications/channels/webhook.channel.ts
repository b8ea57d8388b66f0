import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { signWebhook } from '@redress/kernel';
import { webhookEvent } from '../domain/webhook-event';
import type { ClaimedDelivery } from '../persistence/notification-delivery.repository';
import type { DeliveryChannel } from './delivery-channel';

/** A receiver that has not answered by then is counted as failed (and retried later). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs the event as JSON to the notification or platform webhook, signed with NOTIFY_WEBHOOK_SECRET
 * (`Redress-Signature`, SPEC §6). The body is the same on every attempt; only the signature's timestamp
 * changes, so receivers de-duplicate on `Redress-Event-Id`. 2xx is delivered; anything else, a redirect
 * included, is a failure.
 */
@Injectable()
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook' as const;

  constructor(private readonly config: AppConfig) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    if (!delivery.address) throw new Error('no webhook URL was recorded for this delivery');
    const body = JSON.stringify(
      webhookEvent(
        { id: delivery.eventId, type: delivery.eventType, createdAt: delivery.eventCreatedAt },
        delivery.data,
      ),
    );
    const secret = this.config.env.NOTIFY_WEBHOOK_SECRET;
    const response = await fetch(delivery.address, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Redress-Webhooks/1',
        'Redress-Event-Id': delivery.eventId,
        ...(secret ? { 'Redress-Signature': signWebhook(secret, body) } : {}),
      },
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`webhook answered HTTP ${response.status}`);
    }
  }
}
