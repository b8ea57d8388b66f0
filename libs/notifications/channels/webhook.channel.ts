import { Injectable } from '@nestjs/common';
import { AppConfig, packageVersion } from '@redress/config';
import { webhookSignatureHeaders, webhookUserAgent } from '@redress/kernel';
import { traceHeaders } from '@redress/observability';
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
 * POSTs the event as JSON to the notification or platform webhook, signed by each of its destination's
 * secrets in both schemes (libs/kernel/webhook-signature.ts). The body is the same on every attempt;
 * only the timestamp changes, so receivers de-duplicate on `Redress-Event-Id` (= `webhook-id`). 2xx is delivered; anything else, a redirect
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
    const secrets = this.config.webhookSecrets(delivery.recipientType === 'platform' ? 'platform' : 'notify');
    // undici's request() rather than fetch(), whose web streams and abort signals weigh on a ban wave's
    // tens of thousands of webhooks. Redirects are not followed.
    const response = await http().request(delivery.address, {
      method: 'POST',
      body,
      headersTimeout: WEBHOOK_TIMEOUT_MS,
      bodyTimeout: WEBHOOK_TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'user-agent': webhookUserAgent(packageVersion()),
        'redress-event-id': delivery.eventId,
        ...webhookSignatureHeaders({ id: delivery.eventId, body, secrets }),
        // the receiver may continue the trace of the request that caused the event
        ...traceHeaders(),
      },
    });
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(`webhook answered HTTP ${response.statusCode}`);
    }
  }
}
