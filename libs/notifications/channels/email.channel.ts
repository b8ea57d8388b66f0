import { Injectable } from '@nestjs/common';
import { storedEvent } from '@redress/kernel';
import type { ClaimedDelivery } from '../persistence/notification-delivery.repository';
import { isNotification, TemplateRenderer } from '../rendering';
import type { DeliveryChannel } from './delivery-channel';
import { Mailer } from './mailer';

/**
 * Sends the notice by e-mail as plain text and HTML rendered in the recipient's locale. The Message-ID
 * is the notification id, so a mail resent after a lost acknowledgement is recognisably the same message.
 */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email' as const;

  constructor(
    private readonly mailer: Mailer,
    private readonly renderer: TemplateRenderer,
  ) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    if (!delivery.address) throw new Error('no e-mail address was recorded for this delivery');
    const event = storedEvent(delivery.eventId, delivery.eventType, delivery.data);
    if (!isNotification(event)) throw new Error(`a ${event.type} event has no e-mail to send`);
    await this.mailer.send({
      ...this.renderer.render(event, delivery.locale),
      to: delivery.address,
      messageId: `<${delivery.id}@redress>`,
      headers: { 'Redress-Event-Id': delivery.eventId },
    });
  }
}
