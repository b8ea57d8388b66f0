import { ApiProperty } from '@nestjs/swagger';
import type { DeliveryLogEntry } from '@redress/notifications';

/** Staff view of one notification on one channel and how its delivery went (no addresses, no content). */
export class NotificationDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The event id, sent as Redress-Event-Id; the same on every attempt',
  })
  eventId: string;
  @ApiProperty({ example: 'appeal.decided' }) eventType: string;
  @ApiProperty({ enum: ['account', 'staff', 'platform'] }) recipientType: string;
  @ApiProperty({ description: 'Account id, or `staff` / `platform`', example: 'acct_1' }) recipient: string;
  @ApiProperty({ enum: ['inbox', 'email', 'webhook'] }) channel: string;
  @ApiProperty({ enum: ['en', 'zh-CN'] }) locale: string;
  @ApiProperty({
    enum: ['pending', 'sent', 'failed', 'dead'],
    description: '`failed`: the last attempt failed and another is scheduled; `dead`: no attempts left',
  })
  status: string;
  @ApiProperty({ minimum: 0, description: 'Delivery attempts made (the inbox counts its one write)' })
  attempts: number;
  @ApiProperty({ type: String, nullable: true, example: 'webhook answered HTTP 500' }) lastError:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appealId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) suspensionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next attempt is due (pending, failed)',
  })
  nextAttemptAt: string | null;
}

export const toNotificationDeliveryResponse = (e: DeliveryLogEntry): NotificationDeliveryResponse => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  sentAt: e.sentAt?.toISOString() ?? null,
  nextAttemptAt: e.nextAttemptAt?.toISOString() ?? null,
});
