import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork, type Tx } from '@redress/database';
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
 * Turns one outbox event into its notifications, in one transaction: the inbox copy is written (and so
 * delivered) right here; e-mail and webhook deliveries are recorded as pending and returned for the
 * delivery queue. Re-running it for the same event changes nothing (unique per event, channel, recipient).
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
    const plan = planDeliveries(event.type, event.payload, {
      emailEnabled: Boolean(this.config.env.SMTP_URL),
      notifyWebhookUrl: this.config.env.NOTIFY_WEBHOOK_URL,
      platformWebhookUrl: this.config.env.PLATFORM_WEBHOOK_URL,
      staffEmail: this.config.env.STAFF_EMAIL,
    });
    return this.uow.run(async (tx) => {
      const pending: string[] =
        event.type === REDELIVER_EVENT && isUuid(event.payload.notificationId)
          ? await this.deliveries.stillOwed(tx, [event.payload.notificationId])
          : [];
      for (const delivery of plan) {
        const id = await this.record(tx, event, delivery);
        if (id && delivery.channel !== 'inbox') pending.push(id);
      }
      if (event.type === 'suspension.noticed' && typeof event.payload.suspensionId === 'string') {
        await tx.query(
          `UPDATE suspensions SET notice_sent_at = now() WHERE id = $1 AND notice_sent_at IS NULL`,
          [event.payload.suspensionId],
        );
      }
      await tx.query(
        `UPDATE outbox_messages SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`,
        [event.id],
      );
      return pending;
    });
  }

  /** Returns the new notification's id, or null when this delivery was already recorded. */
  private async record(tx: Tx, event: OutboxEvent, delivery: PlannedDelivery): Promise<string | null> {
    const locale = resolveLocale(typeof event.payload.locale === 'string' ? event.payload.locale : undefined);
    const rendered = isTemplated(event.type)
      ? this.renderer.render(event.type, locale, event.payload as never)
      : null;
    const inbox = delivery.channel === 'inbox';
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notifications (id, event_id, event_type, recipient_type, recipient, channel, template, locale, subject, body, data,
                                  status, attempts, appeal_id, suspension_id, sent_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $3, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT ON CONSTRAINT notifications_event_channel_recipient_unique DO NOTHING
       RETURNING id`,
      [
        newId(),
        event.id,
        event.type,
        delivery.recipientType,
        delivery.recipient,
        delivery.channel,
        locale,
        rendered?.subject ?? null,
        rendered?.text ?? null,
        JSON.stringify({ ...event.payload, ...(delivery.address ? { address: delivery.address } : {}) }),
        inbox ? 'sent' : 'pending',
        inbox ? 1 : 0,
        uuidOrNull(event.payload.appealId),
        uuidOrNull(event.payload.suspensionId),
        inbox ? new Date() : null,
        inbox ? null : new Date(), // e-mail and webhook: due at once
      ],
    );
    return rows[0]?.id ?? null;
  }
}

const isTemplated = (type: string): type is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(type);
const uuidOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
