import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, TrimmedText } from '@redress/http';
import { REFUND_STATUSES, type RefundStatus } from '@redress/refunds';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ProposeRefundRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() suspensionId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The appeal this refund belongs to, if any' })
  @IsOptional()
  @IsUUID()
  appealId?: string;
  @ApiProperty({
    example: 12500,
    description:
      'Integer minor units in the suspension’s currency; at most the refundable balance ' +
      '(frozen − released − non-rejected refunds), else 422 refund_exceeds_balance',
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;
  @ApiProperty({ example: 'Overturned on appeal: the detector misfired on VPN traffic' })
  @TrimmedText(3, 2000)
  reason: string;
}

export class RejectRefundRequest {
  @ApiProperty({ example: 'Balance was a promotional credit, not prepaid money' })
  @TrimmedText(3, 2000)
  reason: string;
}

export class MarkRefundPaidRequest {
  @ApiProperty({
    example: 'SEPA-2026-11-000123',
    description: 'The payment’s reference at the bank or provider',
  })
  @TrimmedText(1, 255)
  providerRef: string;
}

export class RefundListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFUND_STATUSES }) @IsOptional() @IsIn(REFUND_STATUSES) status?: RefundStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() suspensionId?: string;
}
