import { Module } from '@nestjs/common';
import { DispatchEventUseCase } from './application/dispatch-event.use-case';
import { InboxQueries } from './queries/inbox-queries';
import { TemplateRenderer } from './rendering';

@Module({
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
    DispatchEventUseCase,
    InboxQueries,
  ],
  exports: [TemplateRenderer, DispatchEventUseCase, InboxQueries],
})
export class NotificationsModule {}
