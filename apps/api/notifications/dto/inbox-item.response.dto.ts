import { ApiProperty } from '@nestjs/swagger';
import type { InboxItem } from '@redress/notifications';

export class InboxItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event id (also sent as Redress-Event-Id on webhooks)' })
  eventId: string;
  @ApiProperty({ example: 'suspension.noticed' }) template: string;
  @ApiProperty({ enum: ['en', 'zh-CN'] }) locale: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Plain-text body' }) body: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appealId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) suspensionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toInboxItemResponse = (n: InboxItem): InboxItemResponse => ({
  ...n,
  createdAt: n.createdAt.toISOString(),
});
