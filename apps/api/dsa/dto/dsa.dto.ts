import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, ToDate } from '@redress/http';
import {
  STATEMENT_DECISIONS,
  SUBMISSION_STATUSES,
  type DsaSubmissionView,
  type StatementDecision,
  type SubmissionStatus,
} from '@redress/reports';
import { IsDate, IsIn, IsOptional } from 'class-validator';

export class SubmissionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class StatementExportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Published at or after (default: the beginning)' })
  @IsOptional()
  @ToDate()
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published before (default: now)' })
  @IsOptional()
  @ToDate()
  @IsDate()
  to?: Date;
}

export class DsaSubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty({ format: 'uuid' }) suspensionId: string;
  @ApiProperty({ enum: STATEMENT_DECISIONS }) decision: StatementDecision;
  @ApiProperty() puid: string;
  @ApiProperty({
    enum: SUBMISSION_STATUSES,
    description: 'pending → accepted (final) or rejected; a retry puts a rejected one back to pending',
  })
  status: SubmissionStatus;
  @ApiProperty({ description: 'Requests that carried the statement so far' }) attempts: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending one is sent next',
  })
  nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Why it was rejected: the database’s errors by field (`redress`: refused by our own copy of its rules)',
  })
  errors: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was accepted' })
  submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The database’s uuid for the statement' })
  tdbUuid: string | null;
  @ApiProperty({ type: String, nullable: true }) permalink: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toSubmissionResponse = (s: DsaSubmissionView): DsaSubmissionResponse => ({
  ...s,
  nextAttemptAt: iso(s.nextAttemptAt),
  submittedAt: iso(s.submittedAt),
  createdAt: s.createdAt.toISOString(),
});
