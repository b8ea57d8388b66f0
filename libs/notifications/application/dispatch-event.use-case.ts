import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { isUuid, newId } from '@redress/kernel';
import { planDeliveries, type PlannedDelivery } from '../domain/delivery-plan';
import { NotificationDeliveryRepository } from '../persistence/notification-delivery.repository';
import { NOTIFICATION_EVENTS, resolveLocale, TemplateRenderer, type NotificationEvent } from '../rendering';
import { REDELIVER_EVENT } from './redeliver-notification.use-case';

export interface OutboxEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Turns one outbox event into its notifications: the inbox copy is written (and so delivered) right
 * here; e-mail and webhook deliveries are recorded as pending and returned for the delivery queue.
 * Re-running it for the same event changes nothing (unique per event, channel, recipient).
 * A redelivery request (REDELIVER_EVENT) creates nothing and returns the notification it names, if still owed.
 */
@Injectable()
export class DispatchEventUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly deliveries: NotificationDeliveryRepository,
  ) {}

  async execute(event: OutboxEvent): Promise<string[]> {
    if (event.type === REDELIVER_EVENT) return this.redeliver(event);
    const plan = planDeliveries(event.type, event.payload, {
      emailEnabled: Boolean(this.config.env.SMTP_URL),
      notifyWebhookUrl: this.config.env.NOTIFY_WEBHOOK_URL,
      platformWebhookUrl: this.config.env.PLATFORM_WEBHOOK_URL,
      staffEmail: this.config.env.STAFF_EMAIL,
    });
    // Rendered once for every copy; e-mails render their HTML when they are sent.
    const locale = resolveLocale(typeof event.payload.locale === 'string' ? event.payload.locale : undefined);
    const rendered = isTemplated(event.type)
      ? this.renderer.renderPlain(event.type, locale, event.payload as never)
      : null;
    const noticed =
      event.type === 'suspension.noticed' && typeof event.payload.suspensionId === 'string'
        ? event.payload.suspensionId
        : null;
    // One statement, so atomic without a transaction around it: the copies, the suspension's notice
    // time and the outbox row's "processed" are written together or not at all. A ban wave dispatches
    // tens of thousands of these, and every round trip to the database counts.
    const params: unknown[] = [event.id, noticed];
    const rows: { id: string }[] = await this.uow.reader.query(
      `WITH noticed AS (
         UPDATE suspensions SET notice_sent_at = now() WHERE id = $2::uuid AND notice_sent_at IS NULL
       ), processed AS (
         UPDATE outbox_messages SET processed_at = now() WHERE id = $1::uuid AND processed_at IS NULL
       )${
         plan.length
           ? `, inserted AS (${this.insertCopies(params, event, plan, locale, rendered)})
       SELECT id FROM inserted WHERE channel <> 'inbox'`
           : ` SELECT NULL::uuid AS id WHERE false`
       }`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** The notification the request names, if it is still owed; nothing is created. */
  private redeliver(event: OutboxEvent): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const pending = isUuid(event.payload.notificationId)
        ? await this.deliveries.stillOwed(tx, [event.payload.notificationId])
        : [];
      await tx.query(
        `UPDATE outbox_messages SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`,
        [event.id],
      );
      return pending;
    });
  }

  /**
   * Every planned copy in one INSERT (parameters appended to `params`, whose $1 is the event id);
   * copies recorded by an earlier run of the same event are left as they are.
   */
  private insertCopies(
    params: unknown[],
    event: OutboxEvent,
    plan: PlannedDelivery[],
    locale: string,
    rendered: { subject: string; text: string } | null,
  ): string {
    const now = new Date();
    const shared = [
      event.type,
      locale,
      rendered?.subject ?? null,
      rendered?.text ?? null,
      uuidOrNull(event.payload.appealId),
      uuidOrNull(event.payload.suspensionId),
    ].map((value) => `$${params.push(value)}`);
    const [type, loc, subject, body, appealId, suspensionId] = shared;
    const rows = plan.map((delivery) => {
      const inbox = delivery.channel === 'inbox';
      const [id, recipientType, recipient, channel, data, status, attempts, sentAt, nextAttemptAt] = [
        newId(),
        delivery.recipientType,
        delivery.recipient,
        delivery.channel,
        JSON.stringify({ ...event.payload, ...(delivery.address ? { address: delivery.address } : {}) }),
        inbox ? 'sent' : 'pending',
        inbox ? 1 : 0,
        inbox ? now : null,
        inbox ? null : now, // e-mail and webhook: due at once
      ].map((value) => `$${params.push(value)}`);
      return `(${id}::uuid, $1::uuid, ${type}, ${recipientType}, ${recipient}, ${channel}, ${type}, ${loc}, ${subject},
               ${body}, ${data}::jsonb, ${status}, ${attempts}::int, ${appealId}::uuid, ${suspensionId}::uuid,
               ${sentAt}::timestamptz, ${nextAttemptAt}::timestamptz)`;
    });
    return `INSERT INTO notifications (id, event_id, event_type, recipient_type, recipient, channel, template, locale, subject,
                                      body, data, status, attempts, appeal_id, suspension_id, sent_at, next_attempt_at)
            VALUES ${rows.join(', ')}
            ON CONFLICT ON CONSTRAINT notifications_event_channel_recipient_unique DO NOTHING
            RETURNING id, channel`;
  }
}

const isTemplated = (type: string): type is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(type);
const uuidOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
