import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '@redress/auth';
import { ApiProblems, PageQuery } from '@redress/http';
import { DomainError, type Actor } from '@redress/kernel';
import { DeliveryLogQueries, InboxQueries, RedeliverNotificationUseCase } from '@redress/notifications';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { InboxItemResponse, toInboxItemResponse } from './dto/inbox-item.response.dto';
import {
  NotificationDeliveryResponse,
  toNotificationDeliveryResponse,
} from './dto/notification-delivery.response.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxQueries,
    private readonly deliveryLog: DeliveryLogQueries,
    private readonly redeliverNotification: RedeliverNotificationUseCase,
  ) {}

  @Get('me/notifications')
  @Allow('own.read')
  @ApiPageResponse(InboxItemResponse)
  @ApiProblems()
  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: 'Read the caller’s in-app notices',
    description: 'Appellants only: the inbox of their account, newest first, rendered in its locale.',
  })
  async mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    const result = await this.inbox.list(actor.sub, page.limit, page.cursor);
    return { data: result.data.map(toInboxItemResponse), nextCursor: result.nextCursor };
  }

  @Get('appeals/:id/notifications')
  @Allow('appeal.read_notifications')
  @ApiOperation({
    operationId: 'listAppealNotifications',
    summary: 'Read an appeal’s delivery log',
    description: 'Every notification of the appeal: channel, status and attempt count.',
  })
  @ApiPageResponse(NotificationDeliveryResponse)
  @ApiProblems('not_found')
  async forAppeal(@Param('id', IdParam) id: string, @Query() page: PageQuery) {
    if (!(await this.deliveryLog.appealExists(id))) throw DomainError.notFound('Appeal');
    const result = await this.deliveryLog.listForAppeal(id, page.limit, page.cursor);
    return { data: result.data.map(toNotificationDeliveryResponse), nextCursor: result.nextCursor };
  }

  @Post('notifications/:id/redeliver')
  @HttpCode(200)
  @Allow('notification.redeliver')
  @ApiOperation({
    operationId: 'redeliverNotification',
    summary: 'Send a dead or failed e-mail/webhook notification again',
    description:
      'Back to `pending` with its attempts reset; the worker picks it up through the outbox. ' +
      'A notification that is `sent` or `pending`, or an inbox copy, answers 409 invalid_transition.',
  })
  @ApiOkResponse({ type: NotificationDeliveryResponse })
  @ApiProblems('not_found', 'invalid_transition')
  async redeliver(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<NotificationDeliveryResponse> {
    return toNotificationDeliveryResponse(await this.redeliverNotification.execute(actor, id));
  }
}
