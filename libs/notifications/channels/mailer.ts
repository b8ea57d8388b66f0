import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedNotification } from '../rendering';

/** A mail server that stalls is a failed attempt, not a stuck worker. */
const SMTP_TIMEOUT_MS = 15_000;

export interface OutgoingMail extends RenderedNotification {
  to: string;
  messageId?: string;
  headers?: Record<string, string>;
}

/** Sends e-mail over SMTP (SMTP_URL) from MAIL_FROM, through one pooled transport per process. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.env.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { to, subject, text, html, messageId, headers } = mail;
    await this.transporter().sendMail({
      from: this.config.env.MAIL_FROM,
      to,
      subject,
      text,
      html,
      messageId,
      headers,
    });
  }

  // not onModuleDestroy: that runs before the worker drains, and a mail still sending needs the transport
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
