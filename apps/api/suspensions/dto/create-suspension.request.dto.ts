import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { REASON_CODES, LOCALES, type Locale, type ReasonCode } from '@redress/suspensions';
import { ToDate, Trim } from '@redress/http';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxDate,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../common/money.dto';

export class CreateSuspensionRequest {
  @ApiProperty({ example: 'acct_1' }) @Trim() @IsString() @Length(1, 255) accountId: string;
  @ApiProperty({
    example: 'enf-2026-000123',
    description: 'Unique per enforcement system; repeats are idempotent',
  })
  @Trim()
  @IsString()
  @Length(1, 255)
  externalRef: string;
  @ApiProperty({ enum: REASON_CODES }) @IsIn(REASON_CODES) reasonCode: ReasonCode;
  @ApiProperty({ example: 'Terms of Service §4.2 (no model distillation)' })
  @Trim()
  @IsString()
  @Length(1, 500)
  policyClause: string;
  @ApiProperty({ description: 'The statement of reasons shown to the account holder' })
  @Trim()
  @IsString()
  @Length(1, 5000)
  statementOfReasons: string;
  @ApiProperty() @IsBoolean() automatedDetection: boolean;
  @ApiProperty() @IsBoolean() automatedDecision: boolean;
  @ApiPropertyOptional({
    description: 'Detector output; staff-only',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  signals?: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() waveId?: string;
  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'Prepaid balance frozen by the suspension (default 0 USD)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  frozenBalance?: MoneyDto;
  @ApiProperty({ example: 'person@example.com' }) @Trim() @IsEmail() @Length(3, 320) accountEmail: string;
  @ApiPropertyOptional({ enum: LOCALES, default: 'en' }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @ToDate()
  @IsDate()
  accountCreatedAt?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now; may not be in the future' })
  @IsOptional()
  @ToDate()
  @IsDate()
  @MaxDate(() => new Date(Date.now() + 60_000))
  suspendedAt?: Date;
}

export class LiftSuspensionRequest {
  @ApiProperty({ example: 'False positive: VPN relay detector misfired' })
  @Trim()
  @IsString()
  @Length(3, 2000)
  reason: string;
}

/** One item of a batch: a suspension without its own waveId (the batch names the wave). */
export class SuspensionBatchItem extends OmitType(CreateSuspensionRequest, ['waveId'] as const) {}

export class SuspensionBatchRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The ban wave every item belongs to' })
  @IsOptional()
  @IsUUID()
  waveId?: string;
  @ApiProperty({ type: [SuspensionBatchItem], minItems: 1, maxItems: 10000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => SuspensionBatchItem)
  items: SuspensionBatchItem[];
}

export class SuspensionBatchResponse {
  @ApiProperty({ description: 'Suspensions created (each gets a notice)' }) created: number;
  @ApiProperty({ description: 'Items whose externalRef already existed (or repeated within the batch)' })
  skipped: number;
}
