import { Module } from '@nestjs/common';
import { AppealsModule } from '@redress/appeals';
import { AuditModule } from '@redress/audit';
import { SuspensionsModule } from '@redress/suspensions';
import { DeliverNotificationUseCase } from './application/deliver-notification.use-case';
import { DispatchEventUseCase } from './application/dispatch-event.use-case';
import { RedeliverNotificationUseCase } from './application/redeliver-notification.use-case';
import { TakeOverdueDeliveriesUseCase } from './application/take-overdue-deliveries.use-case';
import { EmailChannel } from './channels/email.channel';
import { Mailer } from './channels/mailer';
import { WebhookChannel } from './channels/webhook.channel';
import { NotificationDeliveryRepository } from './persistence/notification-delivery.repository';
import { DeliveryLogQueries } from './queries/delivery-log-queries';
import { InboxQueries } from './queries/inbox-queries';
import { TemplateRenderer } from './rendering';

@Module({
  // redelivery is audited (the worker app does not import the audit module itself); a notice's
  // dispatch stamps the suspension through its repository; the delivery log asks appeals what exists
  imports: [AuditModule, SuspensionsModule, AppealsModule],
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
    NotificationDeliveryRepository,
    Mailer,
    EmailChannel,
    WebhookChannel,
    DispatchEventUseCase,
    DeliverNotificationUseCase,
    RedeliverNotificationUseCase,
    TakeOverdueDeliveriesUseCase,
    InboxQueries,
    DeliveryLogQueries,
  ],
  exports: [
    TemplateRenderer,
    Mailer,
    DispatchEventUseCase,
    DeliverNotificationUseCase,
    RedeliverNotificationUseCase,
    TakeOverdueDeliveriesUseCase,
    InboxQueries,
    DeliveryLogQueries,
  ],
})
export class NotificationsModule {}
