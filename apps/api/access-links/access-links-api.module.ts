import { Module } from '@nestjs/common';
import { AccessModule } from '@redress/access';
import { AuthModule } from '@redress/auth';
import { AccessLinkThrottle } from './access-link-throttle';
import { AccessLinksController } from './access-links.controller';

/** The public routes of one-time access links. */
@Module({
  imports: [AccessModule, AuthModule],
  controllers: [AccessLinksController],
  providers: [AccessLinkThrottle],
})
export class AccessLinksApiModule {}
