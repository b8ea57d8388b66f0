import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISION_OUTCOMES,
  REQUESTED_REMEDIES,
  type DecisionOutcome,
  type RequestedRemedy,
} from '@redress/appeals';
import { TrimmedText } from '@redress/http';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

export class FileAppealRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() suspensionId: string;
  @ApiProperty({
    minLength: 20,
    maxLength: 10000,
    example: 'I run a translation start-up; the traffic was our own evaluation suite…',
  })
  @TrimmedText(20, 10000)
  statement: string;
  @ApiProperty({ enum: REQUESTED_REMEDIES }) @IsIn(REQUESTED_REMEDIES) requestedRemedy: RequestedRemedy;
}

export class PostMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: 5000 }) @TrimmedText(1, 5000) body: string;
  @ApiPropertyOptional({
    description: 'Staff only: an internal note the appellant never sees',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class RequestInfoRequest {
  @ApiProperty({ description: 'The question to the appellant (sent to them)', minLength: 1, maxLength: 5000 })
  @TrimmedText(1, 5000)
  message: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 7 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  dueInDays?: number;
}

export class ReasonRequest {
  @ApiProperty({ minLength: 3, maxLength: 2000 }) @TrimmedText(3, 2000) reason: string;
}

export class RefundAmount {
  @ApiProperty({ minimum: 1, description: 'Minor units, in the suspension’s currency' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor: number;
}

export class DecisionRequest {
  @ApiProperty({ enum: DECISION_OUTCOMES }) @IsIn(DECISION_OUTCOMES) outcome: DecisionOutcome;
  @ApiProperty({ minLength: 20, maxLength: 10000 }) @TrimmedText(20, 10000) rationale: string;
  @ApiPropertyOptional({
    type: RefundAmount,
    description: 'Propose a refund of the frozen balance in the same transaction',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RefundAmount)
  refund?: RefundAmount;
}
