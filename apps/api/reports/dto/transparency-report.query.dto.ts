import { ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@redress/http';
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, REPORT_INSTANT_PATTERN } from '@redress/reports';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const INSTANT_MESSAGE = 'must be an ISO-8601 date (YYYY-MM-DD) or date-time with an offset (…T10:00:00Z)';

export class TransparencyReportQuery {
  @ApiPropertyOptional({
    example: '2025-01-01',
    pattern: REPORT_INSTANT_PATTERN.source,
    description: `Start, inclusive: a date (00:00 UTC) or a date-time with offset. Default: ${DEFAULT_REPORT_DAYS} days before \`to\``,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(REPORT_INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    example: '2025-07-01',
    pattern: REPORT_INSTANT_PATTERN.source,
    description: `End, exclusive; after \`from\` and at most ${MAX_REPORT_DAYS} days (five years) later. Default: now`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(REPORT_INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
