import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { isUuid, newId } from '@redress/kernel';
import { planDeliveries } from '../domain/delivery-plan';
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
    return this.executeMany([event]);
  }

  /**
   * Several events at once (a ban wave's notices arrive in chunks): every copy of every event, the
   * suspensions' notice times and the outbox rows' "processed" in one statement — atomic without a
   * transaction around it, and one round trip where a wave would otherwise make tens of thousands.
   */
  async executeMany(events: OutboxEvent[]): Promise<string[]> {
    const redeliveries = events.filter((e) => e.type === REDELIVER_EVENT);
    const dispatched = events.filter((e) => e.type !== REDELIVER_EVENT);
    const owed = await Promise.all(redeliveries.map((e) => this.redeliver(e)));
    if (dispatched.length === 0) return owed.flat();
    const params: unknown[] = [
      dispatched.map((e) => e.id),
      dispatched.flatMap((e) =>
        e.type === 'suspension.noticed' && typeof e.payload.suspensionId === 'string'
          ? [e.payload.suspensionId]
          : [],
      ),
    ];
    const copies = dispatched.flatMap((event) => this.copies(params, event));
    const rows: { id: string }[] = await this.uow.reader.query(
      `WITH noticed AS (
         UPDATE suspensions SET notice_sent_at = now() WHERE id = ANY($2::uuid[]) AND notice_sent_at IS NULL
       ), processed AS (
         UPDATE outbox_messages SET processed_at = now() WHERE id = ANY($1::uuid[]) AND processed_at IS NULL
       )${
         copies.length
           ? `, inserted AS (${insertCopies(copies)})
       SELECT id FROM inserted WHERE channel <> 'inbox'`
           : ` SELECT NULL::uuid AS id WHERE false`
       }`,
      params,
    );
    return [...owed.flat(), ...rows.map((r) => r.id)];
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

  /** The VALUES rows of an event's planned copies (their parameters appended to `params`). */
  private copies(params: unknown[], event: OutboxEvent): string[] {
    const plan = planDeliveries(event.type, event.payload, {
      emailEnabled: Boolean(this.config.env.SMTP_URL),
      notifyWebhookUrl: this.config.env.NOTIFY_WEBHOOK_URL,
      platformWebhookUrl: this.config.env.PLATFORM_WEBHOOK_URL,
      staffEmail: this.config.env.STAFF_EMAIL,
    });
    if (plan.length === 0) return [];
    // Rendered once for every copy; e-mails render their HTML when they are sent.
    const locale = resolveLocale(typeof event.payload.locale === 'string' ? event.payload.locale : undefined);
    const rendered = isTemplated(event.type)
      ? this.renderer.renderPlain(event.type, locale, event.payload as never)
      : null;
    const now = new Date();
    const [eventId, type, loc, subject, body, appealId, suspensionId] = [
      event.id,
      event.type,
      locale,
      rendered?.subject ?? null,
      rendered?.text ?? null,
      uuidOrNull(event.payload.appealId),
      uuidOrNull(event.payload.suspensionId),
    ].map((value) => `$${params.push(value)}`);
    return plan.map((delivery) => {
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
      return `(${id}::uuid, ${eventId}::uuid, ${type}, ${recipientType}, ${recipient}, ${channel}, ${type}, ${loc}, ${subject},
               ${body}, ${data}::jsonb, ${status}, ${attempts}::int, ${appealId}::uuid, ${suspensionId}::uuid,
               ${sentAt}::timestamptz, ${nextAttemptAt}::timestamptz)`;
    });
  }
}

/** Every copy in one INSERT; copies recorded by an earlier run of the same event are left as they are. */
function insertCopies(rows: string[]): string {
  return `INSERT INTO notifications (id, event_id, event_type, recipient_type, recipient, channel, template, locale, subject,
                                    body, data, status, attempts, appeal_id, suspension_id, sent_at, next_attempt_at)
          VALUES ${rows.join(', ')}
          ON CONFLICT ON CONSTRAINT notifications_event_channel_recipient_unique DO NOTHING
          RETURNING id, channel`;
}

const isTemplated = (type: string): type is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(type);
const uuidOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
