import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { storedEvent } from '@redress/kernel';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedDelivery } from '../persistence/notification-delivery.repository';
import { isNotification, TemplateRenderer } from '../rendering';
import type { DeliveryChannel } from './delivery-channel';

/** A mail server that stalls is a failed attempt, not a stuck worker. */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * Sends the notice over SMTP (SMTP_URL) from MAIL_FROM, as plain text and HTML rendered in the
 * recipient's locale. The Message-ID is the notification id, so a mail resent after a lost
 * acknowledgement is recognisably the same message.
 */
@Injectable()
export class EmailChannel implements DeliveryChannel, OnApplicationShutdown {
  readonly name = 'email' as const;
  private transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly renderer: TemplateRenderer,
  ) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    if (!delivery.address) throw new Error('no e-mail address was recorded for this delivery');
    const event = storedEvent(delivery.eventId, delivery.eventType, delivery.data);
    if (!isNotification(event)) throw new Error(`a ${event.type} event has no e-mail to send`);
    const { subject, text, html } = this.renderer.render(event, delivery.locale);
    await this.transporter().sendMail({
      from: this.config.env.MAIL_FROM,
      to: delivery.address,
      subject,
      text,
      html,
      messageId: `<${delivery.id}@redress>`,
      headers: { 'Redress-Event-Id': delivery.eventId },
    });
  }

  // not onModuleDestroy: that runs before the worker drains, and a delivery still sending needs the transport
  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    const url = this.config.env.SMTP_URL;
    if (!url) throw new Error('SMTP_URL is not set');
    this.transport ??= nodemailer.createTransport({
      url,
      pool: true,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    return this.transport;
  }
}
