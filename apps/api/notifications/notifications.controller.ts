import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@redress/auth';
import { ApiProblems, PageQuery } from '@redress/http';
import type { Actor } from '@redress/kernel';
import { InboxQueries, type InboxItem } from '@redress/notifications';
import { ApiPageResponse } from '../common/api-page';

export class InboxItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event id (also sent as Redress-Event-Id on webhooks)' })
  eventId: string;
  @ApiProperty({ example: 'suspension.noticed' }) template: string;
  @ApiProperty({ enum: ['en', 'zh-CN'] }) locale: string;
  @ApiProperty({ nullable: true }) subject: string | null;
  @ApiProperty({ nullable: true, description: 'Plain-text body' }) body: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) appealId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) suspensionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const toResponse = (n: InboxItem): InboxItemResponse => ({ ...n, createdAt: n.createdAt.toISOString() });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1')
export class NotificationsController {
  constructor(private readonly inbox: InboxQueries) {}

  @Get('me/notifications')
  @Roles('appellant')
  @ApiPageResponse(InboxItemResponse)
  @ApiProblems()
  async mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    const result = await this.inbox.list(actor.sub, page.limit, page.cursor);
    return { data: result.data.map(toResponse), nextCursor: result.nextCursor };
  }
}
