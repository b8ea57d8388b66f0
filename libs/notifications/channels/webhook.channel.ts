import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { signWebhook } from '@redress/kernel';
import { webhookEvent } from '../domain/webhook-event';
import type { ClaimedDelivery } from '../persistence/notification-delivery.repository';
import type { DeliveryChannel } from './delivery-channel';

// Loaded on the first send: only the worker sends, and undici would add 19 MB to every API process.
type Undici = typeof import('undici');
let undici: Undici | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const http = (): Undici => (undici ??= require('undici') as Undici);

/** A receiver that has not answered by then is counted as failed (and retried later). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs the event as JSON to the notification or platform webhook, signed with NOTIFY_WEBHOOK_SECRET
 * (`Redress-Signature`). The body is the same on every attempt; only the signature's timestamp
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
    // undici's request() rather than fetch(), whose web streams and abort signals weigh on a ban wave's
    // tens of thousands of webhooks. Redirects are not followed.
    const response = await http().request(delivery.address, {
      method: 'POST',
      body,
      headersTimeout: WEBHOOK_TIMEOUT_MS,
      bodyTimeout: WEBHOOK_TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Redress-Webhooks/1',
        'redress-event-id': delivery.eventId,
        ...(secret ? { 'redress-signature': signWebhook(secret, body) } : {}),
      },
    });
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(`webhook answered HTTP ${response.statusCode}`);
    }
  }
}
