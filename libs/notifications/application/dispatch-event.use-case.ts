import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { isUuid, newId, type StoredEvent } from '@redress/kernel';
import { inSpan } from '@redress/observability';
import { OutboxStore } from '@redress/outbox';
import { SuspensionStore } from '@redress/suspensions';
import { withAppealLink } from '../domain/appeal-links';
import { planDeliveries } from '../domain/delivery-plan';
import {
  NotificationDeliveryRepository,
  type DispatchedEvent,
} from '../persistence/notification-delivery.repository';
import { isNotification, resolveLocale, TemplateRenderer } from '../rendering';

/**
 * Turns one outbox event into its notifications: the inbox copy is written (and so delivered) right
 * here; e-mail and webhook deliveries are recorded as pending and returned for the delivery queue.
 * Re-running it for the same event changes nothing (unique per event, channel, recipient).
 * A redelivery request (`notification.redeliver`) creates nothing and returns the notification it names, if still owed.
 */
@Injectable()
export class DispatchEventUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly suspensions: SuspensionStore,
    private readonly outbox: OutboxStore,
  ) {}

  async execute(event: StoredEvent): Promise<string[]> {
    return this.executeMany([event]);
  }

  /**
   * Several events at once (a ban wave's notices arrive in chunks): every copy of every event, the
   * suspensions' notice times and the outbox rows' "processed" in one statement (recordDispatch).
   */
  async executeMany(events: StoredEvent[]): Promise<string[]> {
    const redeliveries = events.filter((e) => e.type === 'notification.redeliver');
    const dispatched = events.filter((e) => e.type !== 'notification.redeliver');
    const owed = await Promise.all(redeliveries.map((e) => this.redeliver(e)));
    if (dispatched.length === 0) return owed.flat();
    const noticed = dispatched.flatMap((e) =>
      e.type === 'suspension.noticed' ? [e.payload.suspensionId] : [],
    );
    // the statement that writes the inbox copies is their delivery
    const created = await inSpan(
      'deliver inbox',
      { attributes: { 'redress.events': dispatched.length } },
      () =>
        this.deliveries.recordDispatch(
          this.uow.reader,
          dispatched.map((event) => this.plan(event)),
          [
            this.suspensions.noticesSentPart(noticed),
            this.outbox.markProcessedPart(dispatched.map((e) => e.id)),
          ],
        ),
    );
    return [...owed.flat(), ...created];
  }

  /** The notification the request names, if it is still owed; nothing is created. */
  private redeliver(event: StoredEvent<'notification.redeliver'>): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const pending = isUuid(event.payload.notificationId)
        ? await this.deliveries.stillOwed(tx, [event.payload.notificationId])
        : [];
      await this.outbox.markProcessed(event.id, tx);
      return pending;
    });
  }

  /** The event's copies, one per planned delivery, rendered once for all of them, each linking to its appeal page. */
  private plan(stored: StoredEvent): DispatchedEvent {
    const event = withAppealLink(stored, this.config.access.publicUrl);
    const plan = planDeliveries(event.type, 'accountId' in event.payload ? event.payload : {}, {
      emailEnabled: Boolean(this.config.env.SMTP_URL),
      notifyWebhookUrl: this.config.env.NOTIFY_WEBHOOK_URL,
      platformWebhookUrl: this.config.env.PLATFORM_WEBHOOK_URL,
      staffEmail: this.config.env.STAFF_EMAIL,
    });
    const locale = resolveLocale('locale' in event.payload ? event.payload.locale : undefined);
    // e-mails render their HTML when they are sent
    const rendered =
      plan.length > 0 && isNotification(event) ? this.renderer.renderPlain(event, locale) : null;
    const now = new Date();
    return {
      eventId: event.id,
      eventType: event.type,
      locale,
      subject: rendered?.subject ?? null,
      body: rendered?.text ?? null,
      appealId: 'appealId' in event.payload ? (event.payload.appealId ?? null) : null,
      suspensionId: 'suspensionId' in event.payload ? (event.payload.suspensionId ?? null) : null,
      copies: plan.map((delivery) => {
        const inbox = delivery.channel === 'inbox';
        return {
          id: newId(),
          recipientType: delivery.recipientType,
          recipient: delivery.recipient,
          channel: delivery.channel,
          data: { ...event.payload, ...(delivery.address ? { address: delivery.address } : {}) },
          status: inbox ? 'sent' : 'pending',
          attempts: inbox ? 1 : 0,
          sentAt: inbox ? now : null,
          nextAttemptAt: inbox ? null : now, // e-mail and webhook: due at once
        };
      }),
    };
  }
}
