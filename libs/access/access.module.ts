import { Module } from '@nestjs/common';
import { NotificationsModule } from '@redress/notifications';
import { SuspensionsModule } from '@redress/suspensions';
import { ExchangeAccessLinkUseCase } from './application/exchange-access-link.use-case';
import { RequestAccessLinkUseCase } from './application/request-access-link.use-case';
import { SendAccessLinksUseCase } from './application/send-access-links.use-case';
import { AccessLinkRepository } from './persistence/access-link.repository';

const EXPORTED = [RequestAccessLinkUseCase, SendAccessLinksUseCase, ExchangeAccessLinkUseCase];

/** One-time access links: asked for by the API, e-mailed by the worker, used once by the exchange. */
@Module({
  // the links go to the addresses suspensions carry, in the notices' templates and over their SMTP
  imports: [SuspensionsModule, NotificationsModule],
  providers: [...EXPORTED, AccessLinkRepository],
  exports: EXPORTED,
})
export class AccessModule {}
